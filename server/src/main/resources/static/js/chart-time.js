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
    /** The x axis every time chart uses: Beijing dates and hours, one format per level. */
    axis: () => ({ type: 'time', axisLabel: { hideOverlap: true,
      formatter: { year: '{yyyy}', month: '{yyyy}-{MM}', day: '{MM}-{dd}', hour: '{HH}:{mm}', minute: '{HH}:{mm}' } } })
  };
})();
