// Text shown inside chart tooltips (which ECharts renders as HTML) escaped first: station names and ticket
// titles come from users and imports, and must never become markup.
window.lantianEscape = function (value) {
  return String(value === undefined || value === null ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
};
