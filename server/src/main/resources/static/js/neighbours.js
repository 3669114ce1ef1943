// The joint-prevention page: Handan's counties and stations with the neighbouring cities' national stations
// around them, coloured by real-time AQI (no online tiles), and each neighbour's lagged correlation by lag.
(function () {
  const json = url => fetch(url, { headers: { Accept: 'application/json, application/geo+json' } }).then(r => {
    if (!r.ok && r.status !== 204) throw new Error(r.status);
    return r.status === 204 ? null : r.json();
  });
  const beijing = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

  const box = document.getElementById('neighbours-map');
  if (box) {
    const chart = echarts.init(box);
    Promise.all([json(box.dataset.boundaries), json(box.dataset.now), json(box.dataset.stations), json(box.dataset.neighbours)])
      .then(([geo, now, stations, neighbours]) => {
        echarts.registerMap('handan', geo);
        const counties = new Map(((now && now.counties) || []).map(c => [c.name, c]));
        const theirs = neighbours.flatMap(c => c.stations.map(s => ({ ...s, cityName: c.name })));
        const latest = theirs.map(s => s.now && s.now.hourEnd).filter(Boolean).sort().pop();
        document.getElementById('neighbours-hour').textContent = latest ? '邻市截至 ' + beijing.format(new Date(latest)) + '（北京时间）' : '邻市暂无近 3 小时数据';
        chart.setOption({
          tooltip: { trigger: 'item', formatter: p => p.seriesType === 'scatter' && p.data.code
              ? lantianEscape(p.data.city + ' ' + p.data.name + '（' + p.data.code + '）') + '<br>AQI ' + lantianEscape(p.data.aqi === null ? '无数据' : p.data.aqi)
              : lantianEscape(p.name) + (isNaN(p.value) ? '' : '<br>AQI ' + lantianEscape(p.value)) },
          visualMap: { type: 'piecewise', pieces: lantianAqi.levels.map(l => ({ gt: l.gt, lte: l.lte, color: l.color, label: l.label })),
                       seriesIndex: 0, left: 10, bottom: 10, title: 'AQI' },
          geo: { map: 'handan', roam: true, zoom: 0.42, label: { show: false }, itemStyle: { borderColor: '#555', areaColor: '#EEE' } },
          series: [
            { type: 'map', geoIndex: 0, data: geo.features.map(f => {
                const c = counties.get(f.properties.name);
                return { name: f.properties.name, value: c && c.aqi !== null ? c.aqi : NaN };
              }) },
            { type: 'scatter', coordinateSystem: 'geo', symbolSize: 7, itemStyle: { borderColor: '#333', borderWidth: 1 },
              data: (stations || []).map(s => ({ name: s.name, code: s.code, city: '邯郸', aqi: s.aqi, value: [Number(s.lon), Number(s.lat)],
                                                 itemStyle: { color: s.colour } })) },
            { type: 'scatter', coordinateSystem: 'geo', symbol: 'diamond', symbolSize: 13, itemStyle: { borderColor: '#17467c', borderWidth: 1.5 },
              data: theirs.map(s => ({ name: s.name, code: s.code, city: s.cityName, aqi: s.now ? s.now.aqi : null,
                                       value: [Number(s.lon), Number(s.lat)], itemStyle: { color: lantianAqi.colourOf(s.now ? s.now.aqi : null) } })) },
            { type: 'scatter', coordinateSystem: 'geo', symbolSize: 0, silent: true,
              label: { show: true, formatter: '{b}', fontSize: 13, fontWeight: 'bold', color: '#17467c', textBorderColor: '#fff', textBorderWidth: 3, offset: [0, -18] },
              data: neighbours.filter(c => c.centre).map(c => ({ name: c.name + '（' + c.direction + '）', value: [c.centre.lon, c.centre.lat] })) },
            lantianMapNames(geo)
          ]
        });
      }).catch(e => { box.textContent = '地图数据加载失败（' + e.message + '）'; });
    window.addEventListener('resize', () => chart.resize());
  }

  // the r of each lag, from the comparison table the page was rendered with (one computation per page)
  const lag = document.getElementById('lag-chart');
  if (lag) {
    const chart = echarts.init(lag);
    const rows = Array.from(document.querySelectorAll('#comparison tbody tr[data-lags]'));
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: v => (v === null || v === undefined ? '数据不足' : Number(v).toFixed(2)) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 56, right: 16, top: 56, bottom: 48 },
      xAxis: { type: 'category', name: '滞后（小时）', nameLocation: 'middle', nameGap: 28, data: Array.from({ length: 13 }, (_, i) => String(i)) },
      yAxis: { type: 'value', name: '相关系数 r', min: -1, max: 1 },
      series: rows.map(row => ({ name: row.dataset.name, type: 'line', symbolSize: 5, connectNulls: false, // a lag alone between gaps still shows
                                 data: row.dataset.lags.split(',').map(Number).map(r => (isNaN(r) ? null : Number(r.toFixed(3)))) }))
    });
    window.addEventListener('resize', () => chart.resize());
  }
})();
