// The pollution-source map: every enterprise coloured by performance grade, the stations by real-time AQI and
// the open tickets, over the county boundaries; each kind is a series, so the legend switches the layers.
(function () {
  const box = document.getElementById('source-map');
  if (!box) return;
  const chart = echarts.init(box);
  const ticketsApi = document.getElementById('tickets-api');   // absent for those who may not read tickets
  const json = url => fetch(url, { headers: { Accept: 'application/json, application/geo+json' } }).then(r => {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  });
  const gradeColours = { '引领性': '#006d2c', 'A+': '#006d2c', A: '#31a354', B: '#3182bd', 'B-': '#6baed6', C: '#fd8d3c', D: '#de2d26' };
  const layers = [
    { name: 'A 级及引领性', grades: ['A+', 'A', '引领性'] }, { name: 'B 级', grades: ['B', 'B-'] },
    { name: 'C 级', grades: ['C'] }, { name: 'D 级', grades: ['D', '非引领性'] }, { name: '未分级', grades: [null] }];
  Promise.all([json(box.dataset.boundaries), json(box.dataset.enterprises), json(box.dataset.stations), ticketsApi ? json(ticketsApi.dataset.url) : Promise.resolve([])])
    .then(([geo, enterprises, stations, tickets]) => {
      echarts.registerMap('handan', geo);
      document.getElementById('source-map-count').textContent = enterprises.length + ' 家企业 · ' + stations.length + ' 个站点 · '
          + tickets.filter(t => t.lon !== null).length + ' 条未办结推送';
      const enterpriseSeries = layers.map(layer => ({
        type: 'scatter', coordinateSystem: 'geo', name: layer.name, symbolSize: 5, large: true, largeThreshold: 300,
        itemStyle: { color: gradeColours[layer.grades[0]] || '#9e9e9e', opacity: 0.85 },
        data: enterprises.filter(e => layer.grades.includes(e.grade === undefined ? null : e.grade))
          .map(e => ({ name: e.name, value: [e.lon, e.lat], code: e.code, grade: e.grade, industry: e.industry }))
      }));
      chart.setOption({
        legend: { top: 8, left: 8, orient: 'vertical', backgroundColor: 'rgba(255,255,255,.85)',
                  data: layers.map(l => l.name).concat(['监测站', '未办结推送']) },
        tooltip: { trigger: 'item', formatter: p => {
          if (p.seriesName === '监测站') return lantianEscape(p.data.name + '：AQI ' + (p.data.aqi === null ? '无数据' : p.data.aqi));
          if (p.seriesName === '未办结推送') return lantianEscape('#' + p.data.id + ' ' + p.data.name);
          if (p.data && p.data.code) return lantianEscape(p.data.name) + '<br>' + lantianEscape((p.data.industry || '—') + ' · ' + (p.data.grade || '未分级'));
          return lantianEscape(p.name);
        } },
        geo: { map: 'handan', roam: true, label: { show: false }, itemStyle: { borderColor: '#666', areaColor: '#f4f6f8' },
               emphasis: { label: { show: false }, itemStyle: { areaColor: '#e4ebf2' } },
               ...(box.dataset.center ? { center: box.dataset.center.split(',').map(Number), zoom: 2.5 } : {}) },
        series: enterpriseSeries.concat([
          { type: 'scatter', coordinateSystem: 'geo', name: '监测站', symbol: 'diamond', symbolSize: 11, z: 4,
            itemStyle: { borderColor: '#333', borderWidth: 1 },
            data: stations.map(s => ({ name: s.name, code: s.code, aqi: s.aqi, value: [Number(s.lon), Number(s.lat)], itemStyle: { color: s.colour } })) },
          { type: 'scatter', coordinateSystem: 'geo', name: '未办结推送', symbol: 'pin', symbolSize: 24, z: 5, itemStyle: { color: '#c0392b' },
            data: tickets.filter(t => t.lon !== null && t.lat !== null)
              .map(t => ({ name: t.title, id: t.id, value: [Number(t.lon), Number(t.lat)] })) },
          lantianMapNames(geo)])
      });
      chart.on('click', p => {
        if (p.seriesName === '监测站') window.location.href = box.dataset.stationPage + encodeURIComponent(p.data.code);
        else if (p.seriesName === '未办结推送') window.location.href = box.dataset.ticketPage + p.data.id;
        else if (p.data && p.data.code) window.location.href = box.dataset.enterprisePage + encodeURIComponent(p.data.code);
      });
    })
    .catch(e => { box.textContent = '地图数据加载失败（' + e.message + '）'; });
  window.addEventListener('resize', () => chart.resize());
})();
