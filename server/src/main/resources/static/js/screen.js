// The command-centre screen: drawn from one answer (/api/screen), redrawn within a second of any change the
// event stream reports, and every minute for the new hour's data. Only what means something moves: the
// clocks of open pushes, and the stations in heavy pollution, which pulse.
(function () {
  const body = document.body;
  const $ = id => document.getElementById(id);
  const json = url => fetch(url, { headers: { Accept: 'application/json, application/geo+json' }, credentials: 'same-origin' }).then(r => {
    if (!r.ok) throw new Error(url + ' ' + r.status);
    return r.json();
  });
  const levels = lantianAqi.levels;
  const level = aqi => levels.find(l => aqi > l.gt && (l.lte === undefined || aqi <= l.lte));
  const clockFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const hourFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', hour12: false });
  // charts draw in pixels: on a 4K wall everything is drawn twice as large, as the page's text is
  const px = n => Math.round(n * Math.max(1, window.innerWidth / 1920));
  const text = (id, value) => { $(id).textContent = value === null || value === undefined ? '—' : value; };
  const dark = () => ({ textStyle: { color: '#e6eef7', fontSize: px(14) } });
  const map = echarts.init($('screen-map'));
  const trend = echarts.init($('trend'));
  const ranking = echarts.init($('ranking'));
  let geo = null;
  let pushes = [];

  const span = ms => {
    const m = Math.floor(Math.abs(ms) / 60000);
    return (m >= 60 ? Math.floor(m / 60) + ' 小时 ' : '') + (m % 60) + ' 分';
  };

  const tick = () => {
    const now = Date.now();
    $('clock').textContent = clockFormat.format(new Date(now));
    document.querySelectorAll('#pushes li[data-due]').forEach(li => {
      const left = Date.parse(li.dataset.due) - now;
      li.classList.toggle('overdue', left < 0);
      li.querySelector('.clock').textContent = left < 0 ? '超时 ' + span(left) : '剩余 ' + span(left);
    });
  };

  const renderNow = d => {
    const city = d.now && d.now.city;
    text('data-hour', d.now ? '数据时间 ' + hourFormat.format(new Date(d.now.hourEnd)) + '（北京时间）' : '数据时间 —');
    text('city-aqi', city ? (city.aqi === null ? 'NA' : city.aqi) : null);
    const l = city && city.aqi !== null ? level(city.aqi) : null;
    $('city-aqi').style.color = l ? l.color : '';
    text('city-category', l ? l.label : '—');
    $('city-category').style.background = l ? l.color : 'transparent';
    $('city-category').style.color = l && city.aqi > 50 && city.aqi <= 150 ? '#111' : '#fff';
    text('city-primary', city && city.primary && city.primary.length ? '首要污染物 ' + city.primary.map(p => lantianAqi.names[p] || p).join('、')
        : '首要污染物 —');
    const today = d.now && d.now.today;
    text('today-aqi', today && today.aqi !== null ? 'AQI ' + today.aqi : '—');
    text('today-hours', today ? '（' + today.hours + ' 个小时，非正式日报）' : '');
  };

  const renderYear = y => {
    text('year-title', y.year + ' 年累计（截至 ' + y.to.slice(5).replace('-', '月') + '日）');
    text('pm25', y.pm25 === null ? null : y.pm25 + (y.pm25Target ? ' / 目标 ' + y.pm25Target : ''));
    $('pm25').classList.toggle('bad', y.pm25Target !== null && y.pm25 !== null && y.pm25 > y.pm25Target);
    text('index', y.compositeIndex === null ? null : y.compositeIndex + (y.indexTarget ? ' / 目标 ' + y.indexTarget : ''));
    text('rank', y.keyCityRank === null ? null : '第 ' + y.keyCityRank + ' 名 / ' + y.keyCities);
    $('rank').classList.toggle('bad', !!y.inBottom);
    text('line', y.indexToLeaveBottom === null ? null
        : y.indexToLeaveBottom > 0 ? '指数需降 ' + y.indexToLeaveBottom : '高出 ' + Math.abs(y.indexToLeaveBottom));
    $('line').classList.toggle('bad', y.indexToLeaveBottom !== null && y.indexToLeaveBottom > 0);
    text('good', y.goodDays + ' 天（' + (y.goodDayRatio === null ? '—' : y.goodDayRatio + '%') + '）');
    text('heavy', y.heavyDays + ' 天' + (y.heavyDaysCap !== null ? ' / 上限 ' + y.heavyDaysCap : ' / 上限 12'));
    $('heavy').classList.toggle('bad', y.heavyDays > (y.heavyDaysCap !== null ? y.heavyDaysCap : 12));
  };

  const renderPushes = d => {
    text('push-counts', '未办结 ' + d.openPushes + ' 件，超时 ' + d.overduePushes + ' 件');
    const list = $('pushes');
    list.replaceChildren();
    if (!d.pushes.length) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = '没有未办结的推送';
      list.appendChild(li);
    }
    d.pushes.forEach(p => {
      const li = document.createElement('li');
      if (p.due) li.dataset.due = p.due;
      const title = document.createElement('span');
      title.className = 'title';
      title.textContent = '#' + p.id + ' ' + p.title;
      const clock = document.createElement('span');
      clock.className = 'clock';
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = p.county + ' · ' + p.stage + ' · 推送于 ' + hourFormat.format(new Date(p.pushedAt));
      li.append(title, clock, meta);
      list.appendChild(li);
    });
    pushes = d.pushes;
    tick();
  };

  const renderWarning = d => {
    const w = d.warnings[0];
    const neighbour = (d.neighbourWarnings || [])[0];
    $('warning').hidden = !w && !neighbour;
    if (w) {
      $('warning').className = 'screen-warning ' + w.level;
      $('warning').textContent = w.label + ' · ' + w.area + ' · 至 ' + hourFormat.format(new Date(w.endsAt))
        + (neighbour ? ' ｜ 邻市：' + neighbour : '');
    } else if (neighbour) {
      $('warning').className = 'screen-warning';
      $('warning').textContent = '邻市预警：' + neighbour;
    }
  };

  const renderMap = (d, stations) => {
    if (!geo) return;
    const counties = new Map(((d.now && d.now.counties) || []).map(c => [c.name, c]));
    const hot = (stations || []).filter(s => s.aqi !== null && s.aqi > 200);
    map.setOption({
      ...dark(),
      visualMap: { type: 'piecewise', pieces: levels, seriesIndex: 0, left: px(10), bottom: px(10), itemWidth: px(20), itemHeight: px(14), textStyle: { color: '#e6eef7', fontSize: px(13) } },
      // zoomed out a little so that the nearest neighbours' stations (Xingtai, Anyang, Puyang) show around the city
      geo: { map: 'handan', roam: false, zoom: 0.72, label: { show: false }, itemStyle: { borderColor: '#0b1a2c', borderWidth: 1.5, areaColor: '#233' } },
      series: [
        { type: 'map', geoIndex: 0, data: geo.features.map(f => {
            const c = counties.get(f.properties.name);
            return { name: f.properties.name, value: c && c.aqi !== null ? c.aqi : NaN };
          }) },
        { type: 'effectScatter', coordinateSystem: 'geo', symbolSize: px(14), rippleEffect: { scale: 3, brushType: 'stroke' },
          itemStyle: { color: '#ff3b3b' }, data: hot.map(s => ({ name: s.name, value: [Number(s.lon), Number(s.lat), s.aqi] })) },
        // the neighbours' stations as diamonds in their AQI colour, and each city named once with its stations' mean
        { type: 'scatter', coordinateSystem: 'geo', symbol: 'diamond', symbolSize: px(11), itemStyle: { borderColor: '#e6eef7', borderWidth: 1 },
          data: (d.neighbours || []).map(s => ({ name: s.city + ' ' + s.name, value: [Number(s.lon), Number(s.lat), s.aqi],
            itemStyle: { color: lantianAqi.colourOf(s.aqi) } })) },
        { type: 'scatter', coordinateSystem: 'geo', symbolSize: 0, silent: true,
          label: { show: true, formatter: '{b}', position: 'top', distance: px(10), fontSize: px(13), color: '#c9d6e3',
                   textBorderColor: '#0b1a2c', textBorderWidth: px(3) },
          data: neighbourCities(d.neighbours || []) },
        { ...lantianMapNames(geo), label: { show: true, formatter: '{b}', fontSize: px(14), color: '#fff', textBorderColor: '#000', textBorderWidth: px(3) } }
      ]
    }, true);
  };

  /** Each neighbouring city once: where its stations are on average, and their mean AQI now. */
  const neighbourCities = stations => {
    const cities = new Map();
    stations.forEach(s => {
      const c = cities.get(s.city) || { lon: 0, lat: 0, n: 0, aqi: 0, withAqi: 0 };
      c.lon += Number(s.lon); c.lat += Number(s.lat); c.n++;
      if (s.aqi !== null) { c.aqi += s.aqi; c.withAqi++; }
      cities.set(s.city, c);
    });
    return Array.from(cities, ([city, c]) => ({ name: city + ' ' + (c.withAqi ? Math.round(c.aqi / c.withAqi) : '—'),
      value: [c.lon / c.n, c.lat / c.n] }));
  };

  const renderTrend = d => {
    const points = lantianTime.withGaps(d.last72Hours.filter(h => h.aqi !== null).map(h => [lantianTime.x(h.hourEnd), h.aqi]), 3600 * 1000);
    trend.setOption({
      ...dark(),
      title: { text: '全市 AQI · 近 72 小时（北京时间）', textStyle: { color: '#4fb3ff', fontSize: px(15) } },
      grid: { left: px(50), right: px(16), top: px(56), bottom: px(30) },
      xAxis: { ...lantianTime.axis(), axisLabel: { ...lantianTime.axis().axisLabel, color: '#8fa6bf', fontSize: px(12) },
               axisLine: { lineStyle: { color: '#8fa6bf' } } },
      yAxis: { type: 'value', name: 'AQI（无量纲）', nameTextStyle: { color: '#8fa6bf', align: 'left', fontSize: px(12) }, axisLabel: { color: '#8fa6bf', fontSize: px(12) },
               splitLine: { lineStyle: { color: '#1d3654' } } },
      visualMap: { show: false, dimension: 1, pieces: levels.map(l => ({ gt: l.gt, lte: l.lte, color: l.color })) },
      series: [{ type: 'line', showSymbol: false, connectNulls: false, data: points }],
      useUTC: true
    }, true);
  };

  const renderRanking = d => {
    const rows = d.ranking.slice().reverse();
    ranking.setOption({
      ...dark(),
      title: { text: '各县（市、区）本年综合指数排名', textStyle: { color: '#4fb3ff', fontSize: px(15) } },
      grid: { left: px(90), right: px(40), top: px(40), bottom: px(40) },
      xAxis: { type: 'value', name: '综合指数（无量纲）', nameLocation: 'middle', nameGap: px(24), nameTextStyle: { color: '#8fa6bf', fontSize: px(12) },
               axisLabel: { color: '#8fa6bf', fontSize: px(12) }, splitLine: { lineStyle: { color: '#1d3654' } } },
      yAxis: { type: 'category', data: rows.map(r => r.rank + ' ' + r.name), axisLabel: { color: '#e6eef7', fontSize: px(11), interval: 0 } },
      series: [{ type: 'bar', data: rows.map(r => ({ value: r.compositeIndex, itemStyle: { color: r.rank > d.ranking.length - 3 ? '#ff5a4f' : '#4fb3ff' } })),
        label: { show: true, position: 'right', color: '#e6eef7', fontSize: px(11), formatter: p => Number(p.value).toFixed(2) } }]
    }, true);
  };

  let version = 0;
  const render = (d, stations) => {
    lastData = d;
    renderNow(d);
    renderYear(d.year);
    renderPushes(d);
    renderWarning(d);
    renderMap(d, stations);
    renderTrend(d);
    renderRanking(d);
    body.dataset.version = String(++version);
    body.dataset.renderedAt = String(Date.now());
  };

  let stationsNow = [];
  const refresh = (withStations) => Promise.all([json(body.dataset.api), withStations ? json(body.dataset.stations) : Promise.resolve(stationsNow)])
    .then(([d, stations]) => { stationsNow = stations; render(d, stations); })
    .catch(e => { text('data-hour', '数据暂时无法更新（' + e.message + '）'); });

  Promise.all([json(body.dataset.boundaries), json(body.dataset.api), json(body.dataset.stations)]).then(([boundaries, d, stations]) => {
    geo = boundaries;
    echarts.registerMap('handan', geo);
    stationsNow = stations;
    render(d, stations);
  }).catch(e => { text('data-hour', '数据加载失败（' + e.message + '）'); });
  setInterval(tick, 1000);
  setInterval(() => refresh(true), 60000);
  let pending = null;
  if (window.EventSource) {
    const source = new EventSource(body.dataset.stream);
    source.addEventListener('hello', () => { body.dataset.connected = 'true'; });
    const soon = () => { clearTimeout(pending); pending = setTimeout(() => refresh(false), 150); };
    source.addEventListener('ticket', soon);
    source.addEventListener('instruction', soon);
  }
  let lastData = null;
  window.addEventListener('resize', () => {
    map.resize(); trend.resize(); ranking.resize();
    if (lastData) render(lastData, stationsNow);   // the charts' sizes follow the wall's
  });
})();
