// The board's map: county boundaries (no online tiles) and the listed tickets that have coordinates.
(function () {
  const box = document.getElementById('alert-map');
  if (!box) return;
  const chart = echarts.init(box);
  const colour = row => row.dataset.overdue === 'true' ? '#c0392b'
      : row.dataset.state === 'PUSHED' ? '#e67e22' : row.dataset.state === 'CLOSED' ? '#95a5a6' : '#2f7ac4';
  const points = () => Array.from(document.querySelectorAll('#tickets tbody tr[data-id]'))
      .filter(row => row.dataset.lon && row.dataset.lat)
      .map(row => ({ name: row.dataset.title, id: row.dataset.id, value: [Number(row.dataset.lon), Number(row.dataset.lat)],
                     itemStyle: { color: colour(row) } }));
  // the live script replaces the list in place; the map follows it
  document.addEventListener('lantian:board-updated', () => chart.setOption({ series: [{ data: points() }] }));
  fetch(box.dataset.boundaries, { headers: { Accept: 'application/geo+json, application/json' } }).then(r => {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(geo => {
    echarts.registerMap('handan', geo);
    chart.setOption({
      tooltip: { trigger: 'item', formatter: p => lantianEscape(p.seriesType === 'scatter' ? '#' + p.data.id + ' ' + p.data.name : p.name) },
      geo: { map: 'handan', roam: true,
             ...(box.dataset.center ? { center: box.dataset.center.split(',').map(Number), zoom: 2 } : {}), label: { show: false },
             itemStyle: { borderColor: '#777', areaColor: '#f2f5f8' } },
      series: [{ type: 'scatter', coordinateSystem: 'geo', symbolSize: 13, itemStyle: { borderColor: '#333', borderWidth: 1.5 },
                 data: points() }, lantianMapNames(geo)]
    });
    chart.on('click', p => { if (p.seriesType === 'scatter') window.location.href = box.dataset.ticketPage + p.data.id; });
  }).catch(e => { box.textContent = '地图数据加载失败（' + e.message + '）'; });
  window.addEventListener('resize', () => chart.resize());
})();
