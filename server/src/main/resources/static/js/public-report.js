// The public's report: sent as a form with its photos, the position added only when the reporter asks for it;
// the answer is the tracking code, which later shows the status only.
(function () {
  const form = document.getElementById('report-form');
  if (!form) return;
  const result = document.getElementById('report-result');
  const say = (el, text, ok) => { el.textContent = text; el.className = ok ? 'ok' : 'error'; };
  document.getElementById('report-locate').addEventListener('click', () => {
    const where = document.getElementById('report-position');
    if (!navigator.geolocation) { where.textContent = '此设备不能定位'; return; }
    where.textContent = '正在定位…';
    navigator.geolocation.getCurrentPosition(p => {
      form.elements.lon.value = p.coords.longitude.toFixed(5);
      form.elements.lat.value = p.coords.latitude.toFixed(5);
      where.textContent = '已附位置 ' + form.elements.lon.value + ', ' + form.elements.lat.value;
    }, () => { where.textContent = '未能取得位置，可在“情况”中写明地点'; });
  });
  form.addEventListener('submit', e => {
    e.preventDefault();
    const data = new FormData(form);
    ['lon', 'lat', 'contact'].forEach(k => { if (!data.get(k)) data.delete(k); });
    if (!form.elements.photos.files.length) data.delete('photos');
    document.getElementById('report-submit').disabled = true;
    fetch(form.dataset.api, { method: 'POST', body: data, credentials: 'omit' })
      .then(r => r.json().then(body => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (ok) {
          say(result, '已收到。查询码 ' + body.code + '，请记下，凭它查询办理进度。', true);
          form.reset();
        } else {
          say(result, body.detail || '提交未成功，请稍后再试', false);
        }
      })
      .catch(() => say(result, '网络不通，请稍后再试', false))
      .finally(() => { document.getElementById('report-submit').disabled = false; });
  });
  const track = document.getElementById('track-form');
  const trackResult = document.getElementById('track-result');
  track.addEventListener('submit', e => {
    e.preventDefault();
    const code = track.elements.code.value.trim().toUpperCase();
    fetch(track.dataset.api + encodeURIComponent(code), { credentials: 'omit', headers: { Accept: 'application/json' } })
      .then(r => r.json().then(body => ({ ok: r.ok, body })))
      .then(({ ok, body }) => ok ? say(trackResult, body.category + '：' + body.statusLabel + (body.answer ? '。答复：' + body.answer : ''), true)
                                 : say(trackResult, '没有这个查询码', false))
      .catch(() => say(trackResult, '网络不通，请稍后再试', false));
  });
})();
