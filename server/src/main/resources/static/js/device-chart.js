// A device's hourly values (CN 2061) over the last 7 days, each factor against the outlet's limit (device page).
(function () {
  const box = document.getElementById('emission-chart');
  if (!box) return;
  const limits = {};
  (box.dataset.limits || '').replace(/[{}]/g, '').split(',').map(s => s.trim()).filter(Boolean).forEach(pair => {
    const [code, value] = pair.split('=');
    limits[code.trim()] = Number(value);
  });
  const names = { a21026: 'SO₂', a21002: 'NOx', a34013: '颗粒物', a24088: '非甲烷总烃', a34001: 'TSP', a34002: 'PM10', a34004: 'PM2.5', a19001: 'O₂' };
  const chart = echarts.init(box);
  window.addEventListener('resize', () => chart.resize());
  const to = new Date();
  const from = new Date(to.getTime() - 7 * 86400000);
  fetch(box.dataset.api + '?cn=2061&from=' + from.toISOString() + '&to=' + to.toISOString(), { headers: { Accept: 'application/json' } })
    .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(points => {
      const byFactor = {};
      points.forEach(p => {
        const value = p.zsAvg !== null ? p.zsAvg : p.avg;
        if (value === null) return;
        (byFactor[p.factor] = byFactor[p.factor] || []).push([lantianTime.x(p.dataTime), value, p.flag]);
      });
      let factors = Object.keys(limits).filter(f => byFactor[f]);
      if (!factors.length) factors = Object.keys(byFactor).slice(0, 4);
      chart.setOption({
        useUTC: true,
        title: { text: '小时均值（折算浓度优先）与排放限值，近 7 天', left: 0, textStyle: { fontSize: 14 },
                 subtext: factors.length ? '时间为北京时间的小时起点；虚线为限值' : '近 7 天无小时数据' },
        grid: { left: 56, right: 110, top: 64, bottom: 40 },
        legend: { top: 28, right: 0 },
        tooltip: { trigger: 'axis', axisPointer: { label: { formatter: a => lantianTime.format(a.value) + '（北京时间）' } } },
        xAxis: lantianTime.axis(),
        yAxis: { type: 'value', name: 'mg/m³', min: 0 },
        series: factors.map(f => ({
          type: 'line', name: names[f] || f, showSymbol: false, connectNulls: false,
          data: lantianTime.withGaps(byFactor[f].map(v => [v[0], v[1]]).sort((a, b) => a[0] - b[0]), 3600 * 1000),
          markLine: limits[f] === undefined ? undefined : { symbol: 'none', lineStyle: { type: 'dashed' },
            label: { formatter: (names[f] || f) + ' 限值 ' + limits[f] }, data: [{ yAxis: limits[f] }] }
        }))
      }, true);
    })
    .catch(e => chart.setOption({ title: { text: '数据加载失败（' + e.message + '）' } }, true));
})();
