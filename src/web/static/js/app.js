// thidua — small progressive enhancement for the staff screens. Every page works without this file.
//   1. data-confirm on a form, link or button asks before going on.
//   2. [data-job-url] progress boxes poll their job every 500 ms and show its progress.
//   3. form[data-enhance="import"] sends the chosen file straight to the import API, shows the upload and
//      job progress, and renders the report (text only: data never goes through innerHTML).
//   4. An error summary takes the focus; its links focus their fields.
(function () {
  'use strict';

  var POLL_MS = 500;
  var MAX_NETWORK_RETRIES = 5;
  var XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function parseJson(text) {
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  // The message of an API error body {"error": {"code", "message", "fields"}}, or a generic one.
  function errorMessage(body, status) {
    if (body && body.error && body.error.message) {
      var text = String(body.error.message);
      var fields = body.error.fields;
      if (fields && typeof fields === 'object') {
        var parts = Object.keys(fields).map(function (k) { return k + ': ' + fields[k]; });
        if (parts.length) text += ' (' + parts.join('; ') + ')';
      }
      return text;
    }
    if (status === 413) return 'Tệp quá lớn.';
    if (status === 401) return 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.';
    if (status === 403) return 'Bạn không có quyền thực hiện thao tác này.';
    return 'Máy chủ không xử lý được yêu cầu (mã ' + status + ').';
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // --- 1. confirm dialogs ---------------------------------------------------------------------------

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.hasAttribute && form.hasAttribute('data-confirm') && !window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target.closest('a[data-confirm], button[data-confirm]') : null;
    if (target && !window.confirm(target.getAttribute('data-confirm'))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // --- 2. progress boxes ----------------------------------------------------------------------------

  // Wraps a .progress-box: its <progress>, [data-progress-text] and [data-progress-message].
  function ProgressView(box) {
    this.box = box;
    this.bar = box.querySelector('progress');
    this.text = box.querySelector('[data-progress-text]');
    this.message = box.querySelector('[data-progress-message]');
    this.label = box.querySelector('.progress-box__label');
  }
  ProgressView.prototype.show = function (label) {
    this.box.hidden = false;
    this.box.classList.remove('is-failed', 'is-done');
    if (label && this.label) this.label.textContent = label;
  };
  // `counts` false shows only the percentage (e.g. bytes uploaded).
  ProgressView.prototype.update = function (done, total, message, counts) {
    done = Number(done) || 0;
    total = Number(total) || 0;
    if (total > 0) {
      var percent = Math.max(0, Math.min(100, Math.floor(done * 100 / total)));
      this.bar.max = total;
      this.bar.value = Math.min(done, total);
      this.bar.textContent = percent + '%';
      if (this.text) this.text.textContent = counts === false ? percent + '%' : percent + '% (' + done + '/' + total + ')';
    } else {
      this.bar.removeAttribute('value');  // indeterminate
      if (this.text) this.text.textContent = '';
    }
    if (this.message && message !== undefined && message !== null) this.message.textContent = String(message);
  };
  ProgressView.prototype.finish = function (ok, message) {
    this.box.classList.add(ok ? 'is-done' : 'is-failed');
    if (this.message && message) this.message.textContent = String(message);
  };

  // Polls a job until it is done or failed; resolves with its last JSON. Rejects with an Error whose
  // message is safe to show.
  async function pollJob(url, view) {
    var failures = 0;
    for (;;) {
      var response;
      try {
        response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
      } catch (e) {
        if (++failures > MAX_NETWORK_RETRIES) throw new Error('Mất kết nối tới máy chủ khi theo dõi tiến độ.');
        await sleep(POLL_MS * failures);
        continue;
      }
      failures = 0;
      var body = parseJson(await response.text());
      if (!response.ok || !body) throw new Error(errorMessage(body, response.status));
      view.update(body.done, body.total, body.message);
      if (body.state === 'done' || body.state === 'failed') return body;
      await sleep(POLL_MS);
    }
  }

  async function runProgressBox(box) {
    var url = box.getAttribute('data-job-url');
    if (!url || box.getAttribute('data-state') !== 'running') return;
    var view = new ProgressView(box);
    try {
      var job = await pollJob(url, view);
      view.finish(job.state === 'done', job.message);
      if (job.state !== 'done') return;
      var target = document.getElementById(box.getAttribute('data-result-target') || '');
      if (job.result_html && target) {
        target.innerHTML = job.result_html;  // HTML rendered by our own templates, never raw data
      } else if (job.redirect) {
        window.location.assign(job.redirect);
      }
    } catch (e) {
      view.finish(false, e.message);
    }
  }

  // --- 3. import upload -----------------------------------------------------------------------------

  function contentTypeFor(file) {
    var name = (file.name || '').toLowerCase();
    if (name.endsWith('.xlsx')) return XLSX_TYPE;
    if (name.endsWith('.csv')) return 'text/csv';
    return file.type || 'application/octet-stream';
  }

  // POSTs `file` as the raw body; resolves with {status, body}.
  function uploadFile(url, file, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Content-Type', contentTypeFor(file));
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('X-CSRF-Token', csrfToken());
      xhr.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) onProgress(event.loaded, event.total);
      });
      xhr.addEventListener('load', function () { resolve({ status: xhr.status, body: parseJson(xhr.responseText) }); });
      xhr.addEventListener('error', function () { reject(new Error('Không gửi được tệp: mất kết nối tới máy chủ.')); });
      xhr.addEventListener('abort', function () { reject(new Error('Đã huỷ gửi tệp.')); });
      xhr.send(file);
    });
  }

  // The import summary inside an API answer, whichever shape it came in.
  function findSummary(body) {
    if (!body || typeof body !== 'object') return null;
    if (body.result && typeof body.result === 'object') return body.result;
    if (Array.isArray(body.errors) && ('rows' in body || 'created' in body)) return body;
    if (body.error && body.error.result && typeof body.error.result === 'object') return body.error.result;
    return null;
  }

  function statItem(label, value, bad) {
    var item = el('div', 'stats__item' + (bad ? ' stats__item--bad' : ''));
    item.appendChild(el('dt', null, label));
    item.appendChild(el('dd', null, value));
    return item;
  }

  // Builds the same markup as partials/import_report.mustache.
  function renderReport(area, summary, kindLabel) {
    var errors = Array.isArray(summary.errors) ? summary.errors : [];
    var nodes = [];
    if (errors.length) {
      var bad = el('div', 'flash flash--error', 'Không có dòng nào được ghi: tệp có ' + errors.length +
        ' lỗi. Sửa các dòng dưới đây rồi nhập lại cả tệp.');
      bad.setAttribute('role', 'alert');
      nodes.push(bad);
    } else {
      var good = el('div', 'flash flash--success', 'Đã nhập xong ' + (summary.rows || 0) + ' dòng' +
        (kindLabel ? ' (' + kindLabel + ')' : '') + '.');
      good.setAttribute('role', 'status');
      nodes.push(good);
    }
    var stats = el('dl', 'stats');
    stats.appendChild(statItem('Số dòng', summary.rows || 0));
    stats.appendChild(statItem('Thêm mới', summary.created || 0));
    stats.appendChild(statItem('Cập nhật', summary.updated || 0));
    stats.appendChild(statItem('Lỗi', errors.length, errors.length > 0));
    nodes.push(stats);
    if (errors.length) {
      var wrap = el('div', 'table-wrap');
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', 'Các dòng lỗi');
      wrap.tabIndex = 0;
      var table = el('table', 'data-table import-errors');
      table.appendChild(el('caption', null, 'Các dòng lỗi'));
      var head = el('thead');
      var headRow = el('tr');
      [['Dòng', 'num'], ['Cột', ''], ['Lý do', '']].forEach(function (h) {
        var th = el('th', h[1], h[0]);
        th.scope = 'col';
        headRow.appendChild(th);
      });
      head.appendChild(headRow);
      table.appendChild(head);
      var body = el('tbody');
      errors.forEach(function (error) {
        var row = el('tr');
        row.appendChild(el('td', 'num', error.line === undefined || error.line === null ? '' : error.line));
        var column = el('td');
        if (error.column) column.appendChild(el('code', null, error.column));
        row.appendChild(column);
        row.appendChild(el('td', null, error.reason || ''));
        body.appendChild(row);
      });
      table.appendChild(body);
      wrap.appendChild(table);
      nodes.push(wrap);
    }
    area.replaceChildren.apply(area, nodes);
  }

  function renderFailure(area, message) {
    var box = el('div', 'flash flash--error', 'Không nhập được: ' + message);
    box.setAttribute('role', 'alert');
    area.replaceChildren(box);
  }

  function enhanceImport(form) {
    var box = document.getElementById('import-progress');
    var section = document.getElementById('import-result');
    var area = section ? section.querySelector('[data-import-report]') : null;
    if (!box || !section || !area || !window.fetch || !window.XMLHttpRequest) return;
    var view = new ProgressView(box);
    var button = form.querySelector('[type="submit"]');

    form.addEventListener('submit', async function (event) {
      if (event.defaultPrevented) return;
      var kindField = form.elements.namedItem('kind');
      var fileField = form.elements.namedItem('file');
      var file = fileField && fileField.files ? fileField.files[0] : null;
      // Without a kind or a file, let the server answer with its errors beside the fields.
      if (!kindField || !kindField.value || !file) return;
      event.preventDefault();

      var kindLabel = kindField.options ? kindField.options[kindField.selectedIndex].text : '';
      var url = (form.getAttribute('data-api') || '/api/v1/imports') + '?kind=' + encodeURIComponent(kindField.value) + '&async=1';
      if (button) button.disabled = true;
      form.setAttribute('aria-busy', 'true');
      section.hidden = true;
      view.show('Đang tải tệp lên…');
      view.update(0, file.size || 0, file.name, false);
      try {
        var answer = await uploadFile(url, file, function (loaded, total) { view.update(loaded, total, file.name, false); });
        var body = answer.body;
        if (answer.status === 202 && body && body.job_url) {
          view.show('Đang kiểm tra và ghi dữ liệu…');
          view.update(0, 0, '');
          body = await pollJob(body.job_url, view);
        } else if (answer.status >= 400 && !findSummary(body)) {
          throw new Error(errorMessage(body, answer.status));
        }
        var summary = findSummary(body);
        if (!summary) throw new Error(body && body.message ? String(body.message) : errorMessage(body, answer.status));
        renderReport(area, summary, kindLabel);
        box.hidden = true;
      } catch (e) {
        renderFailure(area, e.message);
        view.finish(false, '');
        box.hidden = true;
      } finally {
        if (button) button.disabled = false;
        form.removeAttribute('aria-busy');
        section.hidden = false;
        section.focus();
      }
    });
  }

  // --- 4. error summary -----------------------------------------------------------------------------

  function enhanceErrorSummary(summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) return;
      var field = document.getElementById(link.getAttribute('href').slice(1));
      if (!field) return;
      event.preventDefault();
      var label = document.querySelector('label[for="' + field.id + '"]');
      (label || field).scrollIntoView({ block: 'start' });
      field.focus({ preventScroll: true });
    });
  }

  function start() {
    document.querySelectorAll('form[data-enhance="import"]').forEach(enhanceImport);
    document.querySelectorAll('.progress-box[data-job-url]').forEach(runProgressBox);
    var summary = document.querySelector('.error-summary');
    if (summary) enhanceErrorSummary(summary);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
