// The phone app (/m): installs the service worker, and keeps the outbox of disposal reports.
// A report is written to the phone's own database (IndexedDB) first, photos and position with it, and leaves
// it only when the server has answered that it stored it. Each report carries a key made on the phone; the
// server stores a key once, so a report sent again after a lost answer is not stored twice.
(function () {
  const DB = 'lantian-field';
  const STORE = 'outbox';
  const MAX_PHOTOS = 6;
  const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
  const RETRY_MS = 20000;
  const csrf = () => (document.querySelector('meta[name=_csrf]') || {}).content || '';
  const user = () => (document.querySelector('meta[name=lantian-user]') || {}).content || '';
  const box = document.getElementById('outbox');
  const offlineNote = document.getElementById('offline-note');
  let lastSent = [];

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/m/sw.js', { scope: '/m' }).catch(e => console.warn('service worker not installed', e));
  }

  function database() {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open(DB, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'key' });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
  }

  async function withStore(mode, work) {
    const db = await database();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => { db.close(); resolve(request ? request.result : undefined); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    });
  }

  const all = () => withStore('readonly', s => s.getAll());
  const put = item => withStore('readwrite', s => s.put(item));
  const remove = key => withStore('readwrite', s => s.delete(key));

  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const clock = at => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false });

  async function render() {
    if (!box) return;
    const items = (await all()).filter(i => i.user === user());
    offlineNote.hidden = navigator.onLine !== false;
    box.replaceChildren();
    if (!items.length && !lastSent.length) { box.hidden = true; return; }
    box.hidden = false;
    if (items.length) box.appendChild(el('strong', '待发送 ' + items.length + ' 条反馈'));
    const list = el('ul');
    items.forEach(item => {
      const li = el('li');
      li.appendChild(el('span', '工单 #' + item.ticket + ' · 填写于 ' + clock(item.writtenAt) + ' · '
        + (item.error ? '未发送：' + item.error : navigator.onLine === false ? '等待网络' : '等待发送')));
      if (item.refused) {
        const drop = el('button', '删除');
        drop.type = 'button';
        drop.addEventListener('click', async () => {
          if (confirm('删除这条未发送的反馈？删除后不可恢复。')) { await remove(item.key); render(); }
        });
        li.appendChild(drop);
      }
      list.appendChild(li);
    });
    lastSent.forEach(ticket => list.appendChild(el('li', '已发送：工单 #' + ticket + ' 的反馈', 'ok')));
    box.appendChild(list);
  }

  async function send(item) {
    const report = Object.assign({}, item.report);
    if (Date.now() - item.writtenAt > 60000) {
      report.note = (report.note ? report.note + '；' : '') + '现场填写于 ' + clock(item.writtenAt) + '（离线保存，联网后发送）';
    }
    const body = new FormData();
    body.append('report', new Blob([JSON.stringify(report)], { type: 'application/json' }));
    item.photos.forEach(p => body.append('photos', p.blob, p.name));
    const response = await fetch(item.api, { method: 'POST', body, credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF-TOKEN': csrf() } });
    if (response.ok) return { sent: true };
    const answer = await response.json().catch(() => ({}));
    if (response.status === 401 || response.status === 403) return { error: '登录已过期，请重新登录，登录后自动发送' };
    if (response.status >= 500) return { error: '服务器暂时不可用（' + response.status + '），稍后重试' };
    return { error: answer.detail || ('被拒绝（' + response.status + '）'), refused: true };
  }

  async function flushNow() {
    if (navigator.onLine === false) return render();
    for (const item of (await all()).filter(i => i.user === user() && !i.refused)) {
      let outcome;
      try {
        outcome = await send(item);
      } catch (network) {
        outcome = { error: '网络中断，稍后重试' };
      }
      if (outcome.sent) {
        await remove(item.key);
        lastSent.push(item.ticket);
        if (document.getElementById('field-report') && String(item.ticket) === document.getElementById('field-report').dataset.ticket) {
          setTimeout(() => location.reload(), 1500);
        }
      } else {
        await put(Object.assign(item, { error: outcome.error, refused: !!outcome.refused }));
      }
    }
    return render();
  }

  // one sender at a time, across the app's open tabs
  const flush = () => navigator.locks ? navigator.locks.request('lantian-outbox', flushNow) : flushNow();

  function position(wanted) {
    if (!wanted || !navigator.geolocation) return Promise.resolve(null);
    return new Promise(resolve => navigator.geolocation.getCurrentPosition(
      p => resolve({ lon: +p.coords.longitude.toFixed(6), lat: +p.coords.latitude.toFixed(6),
        accuracyMetres: Math.round(p.coords.accuracy) }),
      () => resolve(null), { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }));
  }

  const form = document.getElementById('field-report');
  if (form) {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const photos = Array.from(form.elements.photos.files);
      const problem = photos.length > MAX_PHOTOS ? '照片最多 ' + MAX_PHOTOS + ' 张'
        : (photos.find(p => p.size > MAX_PHOTO_BYTES) ? '照片 ' + photos.find(p => p.size > MAX_PHOTO_BYTES).name + ' 超过 10 MB' : null);
      if (problem) { alert(problem); return; }
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      button.textContent = '正在保存…';
      const key = crypto.randomUUID();
      const item = {
        key, user: user(), ticket: form.dataset.ticket, api: form.dataset.api, writtenAt: Date.now(),
        report: { causeCategory: form.elements.causeCategory.value, measures: form.elements.measures.value,
          responders: form.elements.responders.value, note: form.elements.note.value,
          position: await position(form.elements.withPosition.checked), clientKey: key },
        photos: photos.map(p => ({ name: p.name, blob: p }))
      };
      await put(item);
      form.reset();
      button.disabled = false;
      button.textContent = '提交反馈';
      await flush();
    });
  }

  const logout = document.getElementById('phone-logout');
  if (logout) {
    logout.addEventListener('submit', () => { if (window.caches) caches.keys().then(keys => keys.forEach(k => caches.delete(k))); });
  }

  window.addEventListener('online', flush);
  window.addEventListener('offline', render);
  setInterval(() => { if (navigator.onLine !== false) flush(); }, RETRY_MS);
  flush();
})();
