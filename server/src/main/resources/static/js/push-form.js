// A fire point's deadline is the plan's 30 minutes; other matters get their own: the minutes show only for them.
(function () {
  const source = document.getElementById('source');
  const minutes = document.getElementById('disposal-minutes');
  if (!source || !minutes) return;
  const sync = () => { minutes.hidden = source.value === 'FIRE_POINT'; };
  source.addEventListener('change', sync);
  sync();
})();
