// The overview's two charts of the city: the last 72 hours (AQI by level, PM2.5 on its own axis) and each
// month of this year against the same days of last year.
(function () {
  const hoursBox = document.getElementById('chart-72h');
  const monthsBox = document.getElementById('chart-months');
  if (!hoursBox || !monthsBox) return;
  const HOUR = 3600 * 1000;
  const json = url => fetch(url, { headers: { Accept: 'application/json' } }).then(r => {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  });
  const failed = (chart, title) => e => chart.setOption({ title: { text: title + '：数据加载失败（' + e.message + '）', textStyle: { fontSize: 14 } } }, true);

  const hoursChart = echarts.init(hoursBox);
  const to = new Date();
  const from = new Date(to.getTime() - 72 * HOUR);
  json(hoursBox.dataset.api + '?from=' + from.toISOString() + '&to=' + to.toISOString()).then(hours => {
    hoursChart.setOption({
      useUTC: true,
      title: { text: '全市近 72 小时', left: 0, textStyle: { fontSize: 14 }, subtext: hours.length ? '' : '近 72 小时无数据' },
      legend: { top: 0, right: 0, data: ['AQI', 'PM2.5'] },
      grid: { left: 48, right: 56, top: 64, bottom: 32 },
      tooltip: { trigger: 'axis', axisPointer: { label: { formatter: a => a.axisDimension === 'x' ? lantianTime.format(a.value) + '（北京时间）' : a.value } } },
      visualMap: { show: false, seriesIndex: 0, dimension: 1, pieces: lantianAqi.levels.map(l => ({ gt: l.gt, lte: l.lte, color: l.color })) },
      xAxis: lantianTime.axis(),
      yAxis: [{ type: 'value', name: 'AQI', min: 0, nameGap: 12 },
              { type: 'value', name: 'PM2.5（μg/m³）', min: 0, nameGap: 12, splitLine: { show: false } }],
      series: [
        { type: 'bar', name: 'AQI', barMaxWidth: 6, data: hours.filter(h => h.aqi !== null).map(h => [lantianTime.x(h.hourEnd), h.aqi]) },
        { type: 'line', name: 'PM2.5', yAxisIndex: 1, showSymbol: false, connectNulls: false, color: '#34495e',
          tooltip: { valueFormatter: v => v === null || v === undefined ? '无数据' : v + ' μg/m³' },
          data: lantianTime.withGaps(hours.filter(h => h.concentrations.PM2_5 !== undefined && h.concentrations.PM2_5 !== null)
              .map(h => [lantianTime.x(h.hourEnd), Number(h.concentrations.PM2_5)]), HOUR) }]
    }, true);
  }).catch(failed(hoursChart, '全市近 72 小时'));

  const monthsChart = echarts.init(monthsBox);
  const year = Number(monthsBox.dataset.year);
  json(monthsBox.dataset.api + '?year=' + year).then(months => {
    const value = v => v === null || v === undefined ? null : Number(v);
    monthsChart.setOption({
      title: { text: year + ' 年逐月 PM2.5 与去年同期', left: 0, textStyle: { fontSize: 14 },
               subtext: months.length ? '当月截至昨日，与去年同期相同日期比较' : '今年尚无完整的一天' },
      legend: { top: 0, right: 0 },
      grid: { left: 56, right: 16, top: 84, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: v => v === null || v === undefined ? '无数据' : v + ' μg/m³' },
      xAxis: { type: 'category', data: months.map(m => m.month + '月') },
      yAxis: { type: 'value', name: 'μg/m³', min: 0, nameGap: 12 },
      series: [
        { type: 'bar', name: year + ' 年', color: '#2f7ac4', data: months.map(m => value(m.pm25)) },
        { type: 'bar', name: (year - 1) + ' 年同期', color: '#b8c4d0', data: months.map(m => value(m.lastYearPm25)) }]
    }, true);
  }).catch(failed(monthsChart, year + ' 年逐月 PM2.5'));

  window.addEventListener('resize', () => { hoursChart.resize(); monthsChart.resize(); });
})();
