// Hourly series of one station, one ECharts line chart per pollutant (station detail page).
(function () {
  const box = document.getElementById('charts');
  if (!box) return;
  const station = box.dataset.station;
  const api = box.dataset.api;
  const pollutants = box.dataset.pollutants.split(',');
  const names = lantianAqi.names;
  const units = { CO: 'mg/m³' };
  const charts = {};
  const HOUR = 3600 * 1000;

  const aqiDiv = document.createElement('div');
  aqiDiv.className = 'chart';
  aqiDiv.id = 'chart-AQI';
  box.appendChild(aqiDiv);
  const aqiChart = echarts.init(aqiDiv);
  charts.AQI = aqiChart;

  pollutants.forEach(p => {
    const div = document.createElement('div');
    div.className = 'chart';
    div.id = 'chart-' + p;
    box.appendChild(div);
    charts[p] = echarts.init(div);
  });

  const levels = lantianAqi.levels;

  function drawAqi(hours) {
    aqiChart.setOption({
      useUTC: true,
      title: { text: '实时 AQI（按 HJ 633 逐小时计算）', left: 0, textStyle: { fontSize: 14 },
               subtext: hours.length ? '' : '所选时段无数据' },
      grid: { left: 56, right: 24, top: 56, bottom: 40 },
      tooltip: { trigger: 'axis', axisPointer: { label: { formatter: a => lantianTime.format(a.value) + '（北京时间）' } } },
      visualMap: { show: false, dimension: 1, pieces: levels.map(l => ({ gt: l.gt, lte: l.lte, color: l.color })), outOfRange: { color: '#BBBBBB' } },
      xAxis: lantianTime.axis(),
      yAxis: { type: 'value', name: 'AQI', min: 0, nameGap: 12 },
      series: [{ type: 'bar', name: 'AQI', barMaxWidth: 6,
                 data: hours.filter(h => h.aqi !== null).map(h => [lantianTime.x(h.hourEnd), h.aqi]) }]
    }, true);
  }

  function load(days) {
    const to = new Date();
    const from = new Date(to.getTime() - days * 86400000);
    fetch(box.dataset.aqiApi + encodeURIComponent(station) + '/hours?from=' + from.toISOString() + '&to=' + to.toISOString(),
          { headers: { Accept: 'application/json' } })
      .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(drawAqi)
      .catch(e => aqiChart.setOption({ title: { text: '实时 AQI：数据加载失败（' + e.message + '）' } }, true));
    pollutants.forEach(p => {
      const url = api + encodeURIComponent(station) + '/series?pollutant=' + p + '&from=' + from.toISOString() + '&to=' + to.toISOString();
      fetch(url, { headers: { Accept: 'application/json' } })
        .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(points => draw(p, points))
        .catch(e => charts[p].setOption({ title: { text: (names[p] || p) + '：数据加载失败（' + e.message + '）' } }, true));
    });
  }

  function draw(p, points) {
    const unit = units[p] || 'μg/m³';
    charts[p].setOption({
      useUTC: true,
      title: { text: (names[p] || p) + '（' + unit + '）', left: 0, textStyle: { fontSize: 14 },
               subtext: points.length ? '' : '所选时段无数据' },
      grid: { left: 56, right: 24, top: 56, bottom: 40 },
      tooltip: { trigger: 'axis', valueFormatter: v => v === null || v === undefined ? '无数据' : v + ' ' + unit,
                 axisPointer: { label: { formatter: a => lantianTime.format(a.value) + '（北京时间）' } } },
      xAxis: lantianTime.axis(),
      yAxis: { type: 'value', name: unit, min: 0, nameGap: 12 },
      series: [{ type: 'line', name: names[p] || p, showSymbol: false, connectNulls: false,
                 data: lantianTime.withGaps(points.map(pt => [lantianTime.x(pt.periodEnd), Number(pt.value)]), HOUR) }]
    }, true);
  }

  document.getElementById('range').addEventListener('change', e => load(Number(e.target.value)));
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  load(7);
})();
