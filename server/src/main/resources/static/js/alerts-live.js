// Live notifications (Server-Sent Events): a banner for each new push or escalation the user may see, with a short tone.
(function () {
  const banner = document.getElementById('live-banner');
  if (!banner || !window.EventSource) return;
  const loud = new Set(['pushed', 'disposal-overdue', 'receipt-overdue']);
  // The tone needs the user's consent once: browsers play sound only after a click on the page, so the choice
  // is asked once, remembered in this browser, and the sound is unlocked by the first click of each page.
  const PREFERENCE = 'lantian.sound';
  const soundWanted = () => localStorage.getItem(PREFERENCE) === 'on';
  let audio = null;
  const unlock = () => {
    if (!soundWanted()) return;
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    if (audio.state === 'suspended') audio.resume();
  };
  document.addEventListener('pointerdown', unlock, { once: true });
  document.addEventListener('keydown', unlock, { once: true });
  const tone = () => {
    if (!soundWanted() || !audio || audio.state !== 'running') return;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.6);
  };
  const soundControl = document.createElement('span');
  soundControl.className = 'sound-control';
  soundControl.id = 'sound-control';
  const button = (text, action) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link';
    b.textContent = text;
    b.addEventListener('click', action);
    return b;
  };
  const renderSound = () => {
    soundControl.replaceChildren();
    const choice = localStorage.getItem(PREFERENCE);
    if (choice === null) {
      soundControl.append('新推送时播放提示音？',
        button('开启', () => { localStorage.setItem(PREFERENCE, 'on'); unlock(); tone(); renderSound(); }),
        button('不用', () => { localStorage.setItem(PREFERENCE, 'off'); renderSound(); }));
    } else {
      soundControl.append(button(choice === 'on' ? '提示音：开' : '提示音：关', () => {
        localStorage.setItem(PREFERENCE, choice === 'on' ? 'off' : 'on');
        unlock();
        renderSound();
      }));
    }
  };
  const user = document.querySelector('header.top .user');
  if (user) {
    user.prepend(soundControl);
    renderSound();
  }
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
