// The push form. A fire point's deadline is the plan's 30 minutes; other matters get their own, so the minutes
// show only for them. The point is picked on the county map (a click fills longitude and latitude; typed
// coordinates move the marker), and "定位到" zooms the map to a county-level unit.
(function () {
  const source = document.getElementById('source');
  const minutes = document.getElementById('disposal-minutes');
  if (!source || !minutes) return;
  const sync = () => { minutes.hidden = source.value === 'FIRE_POINT'; };
  source.addEventListener('change', sync);
  sync();

  const box = document.getElementById('push-map');
  const lon = document.getElementById('lon');
  const lat = document.getElementById('lat');
  const picked = document.getElementById('picked');
  if (!box || !window.echarts) return;
  const chart = echarts.init(box);
  const typed = () => {
    const x = Number(lon.value), y = Number(lat.value);
    return lon.value.trim() && lat.value.trim() && isFinite(x) && isFinite(y) ? [x, y] : null;
  };
  const mark = point => chart.setOption({ series: [{ data: point ? [{ name: '推送点位', value: point }] : [] }] });
  fetch(box.dataset.boundaries, { headers: { Accept: 'application/geo+json, application/json' } }).then(r => {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(geo => {
    echarts.registerMap('handan', geo);
    const centres = new Map(geo.features.filter(f => f.properties.cp).map(f => [f.properties.name, f.properties.cp]));
    chart.setOption({
      geo: { map: 'handan', roam: true, label: { show: false }, itemStyle: { borderColor: '#777', areaColor: '#f2f5f8' },
             emphasis: { itemStyle: { areaColor: '#dde8f3' }, label: { show: false } } },
      series: [{ type: 'scatter', coordinateSystem: 'geo', symbol: 'pin', symbolSize: 28, itemStyle: { color: '#c0392b' }, data: [] },
               lantianMapNames(geo)]
    });
    mark(typed());
    chart.getZr().on('click', e => {
      const point = chart.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]);
      if (!point) return;
      lon.value = point[0].toFixed(4);
      lat.value = point[1].toFixed(4);
      picked.textContent = '已选取 东经 ' + lon.value + '，北纬 ' + lat.value;
      mark([Number(lon.value), Number(lat.value)]);
    });
    [lon, lat].forEach(input => input.addEventListener('change', () => mark(typed())));
    document.getElementById('place').addEventListener('change', e => {
      const centre = centres.get(e.target.value.trim());
      if (centre) chart.setOption({ geo: { center: centre, zoom: 3 } });
    });
  }).catch(e => { box.textContent = '地图加载失败（' + e.message + '），可直接填写经纬度'; });
  window.addEventListener('resize', () => chart.resize());
})();
