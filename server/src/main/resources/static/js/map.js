// Handan's county boundaries coloured by real-time AQI, with the stations as points (no online tiles).
(function () {
  const box = document.getElementById('map');
  if (!box) return;
  const chart = echarts.init(box);
  const levels = lantianAqi.levels.map(l => ({ ...l, label: l.label + ' ' + (l.lte === undefined ? '>' + l.gt : (l.gt + 1) + '–' + l.lte) }));
  const json = url => fetch(url, { headers: { Accept: 'application/json, application/geo+json' } }).then(r => {
    if (!r.ok && r.status !== 204) throw new Error(r.status);
    return r.status === 204 ? null : r.json();
  });
  const beijing = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

  Promise.all([json(box.dataset.boundaries), json(box.dataset.now), json(box.dataset.stations)]).then(([geo, now, stations]) => {
    echarts.registerMap('handan', geo);
    const counties = new Map(((now && now.counties) || []).map(c => [c.name, c]));
    const mapped = new Set(geo.features.map(f => f.properties.name));
    if (now) document.getElementById('map-hour').textContent = '截至 ' + beijing.format(new Date(now.hourEnd)) + '（北京时间）';
    const zones = document.querySelector('#zones tbody');
    counties.forEach((c, name) => {
      if (!mapped.has(name)) {
        const tr = document.createElement('tr');
        tr.innerHTML = '<td></td><td class="num"></td>';
        tr.children[0].textContent = name;
        tr.children[1].textContent = c.aqi === null ? 'NA' : c.aqi;
        zones.appendChild(tr);
      }
    });
    if (!zones.children.length) {
      const empty = document.getElementById('zones-empty');
      empty.textContent = now ? '本账号范围内没有无边界的管理区，各单元均已在地图上着色。' : '尚无实时数据：数据到达后在此列出管理区的 AQI。';
      empty.hidden = false;
    }
    chart.setOption({
      tooltip: { trigger: 'item', formatter: p => p.seriesType === 'scatter'
          ? lantianEscape(p.data.name + '（' + p.data.code + '，' + p.data.cls + '）') + '<br>AQI '
            + lantianEscape(p.data.aqi === null ? '无数据' : p.data.aqi + ' ' + p.data.category)
          : lantianEscape(p.name) + '<br>AQI ' + lantianEscape(isNaN(p.value) ? '无数据' : p.value) },
      visualMap: { type: 'piecewise', pieces: levels, seriesIndex: 0, left: 10, bottom: 10, title: 'AQI' },
      geo: { map: 'handan', roam: true, ...(box.dataset.center ? { center: box.dataset.center.split(',').map(Number), zoom: 2.5 } : {}),
             label: { show: false },
             itemStyle: { borderColor: '#555', areaColor: '#EEE' } },
      series: [
        { type: 'map', geoIndex: 0, data: geo.features.map(f => {
            const c = counties.get(f.properties.name);
            return { name: f.properties.name, value: c && c.aqi !== null ? c.aqi : NaN };
          }) },
        // dots under the county names, each outlined dark so a yellow dot shows on a yellow county
        { type: 'scatter', coordinateSystem: 'geo', symbolSize: 10,
          itemStyle: { borderColor: '#333', borderWidth: 1.5 },
          data: (stations || []).map(s => ({ name: s.name, code: s.code, cls: s.stationClass, aqi: s.aqi, category: s.category,
                                             value: [Number(s.lon), Number(s.lat), s.aqi], itemStyle: { color: s.colour } })) },
        lantianMapNames(geo)
      ]
    });
    chart.on('click', p => { if (p.seriesType === 'scatter') window.location.href = box.dataset.stationPage + encodeURIComponent(p.data.code); });
  }).catch(e => { box.textContent = '地图数据加载失败（' + e.message + '）'; });
  window.addEventListener('resize', () => chart.resize());
})();
