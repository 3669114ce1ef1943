// One chart convention: every time axis in Beijing time, whatever the browser's time zone. Charts run with
// ECharts' useUTC and take instants shifted by +8 h, so the axis, its labels and the tooltips read Beijing
// wall time; hours with no value break the line instead of joining across the gap.
window.lantianTime = (function () {
  const OFFSET = 8 * 3600 * 1000;
  const label = new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false });
  return {
    /** An instant (ISO text) as the x value of a Beijing-time axis. */
    x: iso => Date.parse(iso) + OFFSET,
    /** The Beijing wall time of an x value, for tooltips: 2026/12/01 14:00. */
    format: x => label.format(new Date(x)),
    /** [x, y] points in time order with a null inserted where more than {@code stepMs} passes without a value. */
    withGaps: (points, stepMs) => {
      const out = [];
      points.forEach((p, i) => {
        if (i > 0 && p[0] - points[i - 1][0] > stepMs) out.push([points[i - 1][0] + stepMs, null]);
        out.push(p);
      });
      return out;
    },
    /** The x axis every time chart uses: Beijing dates (month-day, the year only at a year's start) and hours. */
    axis: () => ({ type: 'time', axisLabel: { hideOverlap: true,
      formatter: { year: '{yyyy}-{MM}-{dd}', month: '{MM}-{dd}', day: '{MM}-{dd}', hour: '{HH}:{mm}', minute: '{HH}:{mm}' } } })
  };
})();

// The six AQI levels and their colours (HJ 633 Appendix A), for every chart and map that colours by AQI.
window.lantianAqi = {
  levels: [
    { gt: -1, lte: 50, color: '#00E400', label: '优' }, { gt: 50, lte: 100, color: '#FFFF00', label: '良' },
    { gt: 100, lte: 150, color: '#FF7E00', label: '轻度污染' }, { gt: 150, lte: 200, color: '#FF0000', label: '中度污染' },
    { gt: 200, lte: 300, color: '#99004C', label: '重度污染' }, { gt: 300, color: '#7E0023', label: '严重污染' }],
  /** The colour of an AQI's level, grey for none. */
  colourOf: aqi => {
    if (aqi === null || aqi === undefined) return '#BBBBBB';
    const level = window.lantianAqi.levels.find(l => aqi > l.gt && (l.lte === undefined || aqi <= l.lte));
    return level ? level.color : '#BBBBBB';
  },
  /** The pollutants as published. */
  names: { PM2_5: 'PM2.5', PM10: 'PM10', SO2: 'SO₂', NO2: 'NO₂', O3: 'O₃', CO: 'CO' }
};

// The county names of a boundary map as a layer of their own, drawn over whatever points the map shows
// (a station or a ticket at a county's centre would otherwise hide its name), each at its label point.
window.lantianMapNames = geo => ({
  type: 'scatter', coordinateSystem: 'geo', symbolSize: 0, silent: true, z: 10,
  label: { show: true, formatter: '{b}', fontSize: 12, color: '#111', textBorderColor: '#fff', textBorderWidth: 3 },
  data: geo.features.filter(f => f.properties.cp).map(f => ({ name: f.properties.name, value: f.properties.cp }))
});
