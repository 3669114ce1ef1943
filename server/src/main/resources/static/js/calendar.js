// A year of daily AQI as a calendar heat-map in the HJ 633 level colours.
(function () {
  const box = document.getElementById('calendar');
  if (!box) return;
  const year = box.dataset.year;
  const chart = echarts.init(box);
  const names = { SO2: 'SO₂', NO2: 'NO₂', PM10: 'PM10', CO: 'CO', O3: 'O₃', PM2_5: 'PM2.5' };
  fetch(box.dataset.api + '?from=' + year + '-01-01&to=' + year + '-12-31', { headers: { Accept: 'application/json' } })
    .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(days => {
      const byDay = new Map(days.map(d => [d.day, d]));
      chart.setOption({
        tooltip: { formatter: p => {
          const d = byDay.get(p.value[0]);
          return p.value[0] + '<br>AQI ' + (d.aqi === null ? 'NA' : d.aqi)
            + (d.primary.length ? '，首要污染物 ' + d.primary.map(x => names[x] || x).join('、') : '')
            + (d.counted ? '' : '<br>六项污染物日值不全，不计入有效天数');
        } },
        visualMap: { type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, pieces: lantianAqi.levels },
        calendar: { range: year, cellSize: ['auto', 18], top: 40, left: 40, right: 20, yearLabel: { show: true },
                    dayLabel: { nameMap: 'ZH', firstDay: 1 }, monthLabel: { nameMap: 'ZH' } },
        series: [{ type: 'heatmap', coordinateSystem: 'calendar',
                   data: days.filter(d => d.aqi !== null).map(d => [d.day, d.aqi]) }]
      });
    })
    .catch(e => { box.textContent = '日历数据加载失败（' + e.message + '）'; });
  window.addEventListener('resize', () => chart.resize());
})();
