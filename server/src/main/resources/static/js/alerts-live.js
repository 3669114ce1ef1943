// Live notifications (Server-Sent Events): a banner for each new push or escalation the user may see, with a short tone.
(function () {
  const banner = document.getElementById('live-banner');
  if (!banner || !window.EventSource) return;
  const loud = new Set(['pushed', 'disposal-overdue', 'receipt-overdue']);
  let audio;
  const tone = () => {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.6);
    } catch (e) { /* browsers allow sound only after the user has clicked the page */ }
  };
  const source = new EventSource(banner.dataset.stream);
  source.addEventListener('hello', () => { banner.dataset.connected = 'true'; });
  const show = (href, text, meta, isLoud) => {
    const item = document.createElement('a');
    item.className = 'live' + (isLoud ? '' : ' minor');
    item.href = href;
    item.textContent = text;
    const small = document.createElement('small');
    small.textContent = meta;
    item.appendChild(small);
    banner.prepend(item);
    banner.hidden = false;
    while (banner.children.length > 4) banner.lastChild.remove();
    setTimeout(() => { item.remove(); banner.hidden = banner.children.length === 0; }, 60000);
    if (isLoud) tone();
  };
  // On the board, the list, the counters and the map are brought up to date in place when a ticket changes;
  // should that fail, a notice offers to reload the page.
  const stale = document.getElementById('board-stale');
  const reload = document.getElementById('board-reload');
  if (reload) reload.addEventListener('click', e => { e.preventDefault(); location.reload(); });
  let refreshing = null;
  const refreshBoard = () => {
    if (!document.getElementById('tickets') || refreshing) return;
    refreshing = fetch(location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(r => { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(html => {
        const fresh = new DOMParser().parseFromString(html, 'text/html');
        ['board-counts', 'tickets'].forEach(id => {
          const now = document.getElementById(id);
          const next = fresh.getElementById(id);
          if (now && next) now.replaceWith(document.importNode(next, true));
        });
        document.dispatchEvent(new Event('lantian:board-updated'));
      })
      .catch(() => { if (stale) stale.hidden = false; })
      .finally(() => { refreshing = null; });
  };
  source.addEventListener('ticket', e => {
    const n = JSON.parse(e.data);
    refreshBoard();
    show(banner.dataset.ticketPage + n.ticketId, '#' + n.ticketId + ' ' + n.title, n.actionLabel + ' · ' + n.stateLabel + ' · ' + n.at,
         loud.has(n.action));
  });
  source.addEventListener('instruction', e => {
    const n = JSON.parse(e.data);
    show(banner.dataset.instructionPage + n.instructionId, '调度指令：' + n.title, '请阅读并回复 · ' + n.at, true);
  });
})();
