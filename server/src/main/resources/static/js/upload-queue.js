// Imports many files (a year of daily files) one request per file, so no request grows past the server's
// limits, a failure names its file, and the page shows how far it has come. The form still works without
// this script: it then posts its files to the page in one request.
(function () {
  const text = (tag, value, cls) => {
    const el = document.createElement(tag);
    el.textContent = value === undefined || value === null ? '—' : String(value);
    if (cls) el.className = cls;
    return el;
  };
  document.querySelectorAll('form[data-upload-queue]').forEach(form => {
    const input = form.querySelector('input[type=file]');
    const token = form.querySelector('input[name=_csrf]');
    const progress = text('p', '', 'muted upload-progress');
    progress.hidden = true;
    form.appendChild(progress);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const files = Array.from(input.files);
      if (!files.length) return;
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      const table = document.createElement('table');
      table.className = 'data upload-results';
      const head = table.createTHead().insertRow();
      ['文件', '接收', '新增', '修订', '未变化', '拒收', '名录外站点', '说明'].forEach(h => head.appendChild(text('th', h)));
      const body = table.createTBody();
      // inside the form's card, scrolling within it: a year is 365 rows
      const box = document.createElement('div');
      box.className = 'upload-results-box';
      box.appendChild(table);
      form.appendChild(box);
      progress.hidden = false;
      let failed = 0;
      for (let i = 0; i < files.length; i++) {
        progress.textContent = '正在导入第 ' + (i + 1) + ' / ' + files.length + ' 个文件：' + files[i].name;
        const data = new FormData();
        data.append('file', files[i]);
        const reason = form.querySelector('input[name=reason]');
        if (reason && reason.value) data.append('reason', reason.value);
        const row = body.insertRow();
        row.appendChild(text('td', files[i].name));
        try {
          const response = await fetch(form.dataset.api, { method: 'POST', body: data, credentials: 'same-origin',
            headers: Object.assign({ Accept: 'application/json' }, token ? { 'X-CSRF-TOKEN': token.value } : {}) });
          const answer = await response.json().catch(() => ({}));
          if (!response.ok) throw new Error(answer.detail || ('HTTP ' + response.status));
          const report = Array.isArray(answer) ? answer[0] : answer;
          const foreign = report.foreignStations || report.unlisted || [];
          [report.received ?? report.stationHours, report.inserted, report.revised, report.unchanged, report.rejected, foreign.length]
            .forEach(v => row.appendChild(text('td', v, 'num')));
          const first = (report.errors || [])[0];
          row.appendChild(text('td', first ? '第 ' + first.line + ' 行 ' + first.field + '：' + first.reason : ''));
          if (report.rejected > 0) row.cells[5].classList.add('error');
        } catch (e) {
          failed++;
          const cell = text('td', '未导入：' + e.message, 'error');
          cell.colSpan = 7;
          row.appendChild(cell);
        }
      }
      progress.textContent = '已处理 ' + files.length + ' 个文件' + (failed ? '，其中 ' + failed + ' 个未能导入' : '，全部导入') + '。';
      button.disabled = false;
      input.value = '';
    });
  });
})();
