// A device's hourly values (CN 2061) over the last 7 days, each factor against the outlet's limit (device page).
// Units come from the server per factor; factors in different units get axes of their own.
(function () {
  const box = document.getElementById('emission-chart');
  if (!box) return;
  const limits = {};
  (box.dataset.limits || '').replace(/[{}]/g, '').split(',').map(s => s.trim()).filter(Boolean).forEach(pair => {
    const [code, value] = pair.split('=');
    limits[code.trim()] = Number(value);
  });
  const names = { a21026: 'SO₂', a21002: 'NOx', a34013: '颗粒物', a24088: '非甲烷总烃', a34001: 'TSP', a34002: 'PM10', a34004: 'PM2.5',
                  a19001: 'O₂', a21005: 'CO', a01001: '温度', a01002: '湿度', a01007: '风速', LA: '噪声', Leq: '噪声' };
  const chart = echarts.init(box);
  window.addEventListener('resize', () => chart.resize());
  const to = new Date();
  const from = new Date(to.getTime() - 7 * 86400000);
  fetch(box.dataset.api + '?cn=2061&from=' + from.toISOString() + '&to=' + to.toISOString(), { headers: { Accept: 'application/json' } })
    .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(points => {
      const byFactor = {};
      const unitOf = {};
      points.forEach(p => {
        unitOf[p.factor] = p.unit || '';
        const value = p.zsAvg !== null ? p.zsAvg : p.avg;
        if (value === null) return;
        (byFactor[p.factor] = byFactor[p.factor] || []).push([lantianTime.x(p.dataTime), value, p.flag]);
      });
      let factors = Object.keys(limits).filter(f => byFactor[f]);
      // the limited factors, then the pollutants (a2…, a3… codes), then the rest (oxygen, noise…)
      const rank = f => limits[f] !== undefined ? 0 : /^a[23]/.test(f) ? 1 : 2;
      if (!factors.length) factors = Object.keys(byFactor).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, 6);
      const units = [...new Set(factors.map(f => unitOf[f]))];
      const label = f => (names[f] || f) + (unitOf[f] ? '（' + unitOf[f] + '）' : '');
      chart.setOption({
        useUTC: true,
        title: { text: '小时均值（折算浓度优先）与排放限值，近 7 天', left: 0, textStyle: { fontSize: 14 },
                 subtext: factors.length ? '时间为北京时间的小时起点；虚线为限值' : '近 7 天无小时数据' },
        grid: { left: 56, right: 56 + 56 * Math.max(0, units.length - 1), top: 88, bottom: 40 },
        legend: { top: 28, right: 0 },
        tooltip: { trigger: 'axis', axisPointer: { label: { formatter: a => lantianTime.format(a.value) + '（北京时间）' } } },
        xAxis: lantianTime.axis(),
        yAxis: units.map((u, i) => ({ type: 'value', name: u || '数值', min: 0, position: i === 0 ? 'left' : 'right',
                                       offset: i > 1 ? 56 * (i - 1) : 0, splitLine: { show: i === 0 } })),
        series: factors.map(f => ({
          type: 'line', name: label(f), yAxisIndex: units.indexOf(unitOf[f]), showSymbol: false, connectNulls: false,
          tooltip: { valueFormatter: v => v === null || v === undefined ? '无数据' : v + ' ' + unitOf[f] },
          data: lantianTime.withGaps(byFactor[f].map(v => [v[0], v[1]]).sort((a, b) => a[0] - b[0]), 3600 * 1000),
          markLine: limits[f] === undefined ? undefined : { symbol: 'none', lineStyle: { type: 'dashed' },
            label: { formatter: (names[f] || f) + ' 限值 ' + limits[f] + ' ' + unitOf[f] }, data: [{ yAxis: limits[f] }] }
        }))
      }, true);
    })
    .catch(e => chart.setOption({ title: { text: '数据加载失败（' + e.message + '）' } }, true));
})();
