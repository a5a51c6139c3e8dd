/**
 * The join form's progressive enhancement, sent inline (with the page's CSP nonce). Without it the
 * form posts and the server answers with the page again, errors and values included; with it:
 * the browser's own checks run first and show inline; the form is sent with fetch, so nothing
 * typed ever leaves the screen; the server's per-field messages appear next to their fields and
 * in a focused summary; a renewed form token is swapped in; success goes to the thank-you page.
 */
export const JOIN_PAGE_SCRIPT = String.raw`(() => {
  const form = document.getElementById('join-form');
  const text = JSON.parse(document.getElementById('join-text').textContent);
  if (!form || !window.fetch || !window.URLSearchParams) return;
  form.noValidate = true;
  const status = document.getElementById('join-status');
  const button = form.querySelector('button[type="submit"]');
  const idFor = (field) => {
    const anchor = form.querySelector('[data-error-anchor="' + CSS.escape(field) + '"]');
    return anchor ? anchor.id : null;
  };
  function clear() {
    form.querySelectorAll('.field-error[data-live]').forEach((node) => node.remove());
    form.querySelectorAll('[aria-invalid="true"]').forEach((node) => {
      node.removeAttribute('aria-invalid');
      const ids = (node.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.endsWith('-error'));
      if (ids.length) node.setAttribute('aria-describedby', ids.join(' ')); else node.removeAttribute('aria-describedby');
    });
    const old = document.getElementById('error-summary');
    if (old) old.remove();
  }
  function show(problems, message) {
    clear();
    const summary = document.createElement('div');
    summary.id = 'error-summary';
    summary.className = 'error-summary';
    summary.setAttribute('role', 'alert');
    summary.setAttribute('tabindex', '-1');
    summary.setAttribute('aria-labelledby', 'error-summary-title');
    const title = document.createElement('h2');
    title.id = 'error-summary-title';
    title.textContent = text.errorSummaryTitle;
    summary.append(title);
    if (message) {
      const p = document.createElement('p');
      p.textContent = message;
      summary.append(p);
    }
    const list = document.createElement('ul');
    for (const problem of problems) {
      const id = idFor(problem.field);
      const item = document.createElement('li');
      const label = text.labels[problem.field] ? text.labels[problem.field] + ': ' : '';
      if (id) {
        const link = document.createElement('a');
        link.href = '#' + id;
        link.textContent = label + problem.message;
        item.append(link);
        const control = document.getElementById(id);
        const error = document.createElement('p');
        error.className = 'field-error';
        error.id = id + '-error';
        error.dataset.live = '';
        error.textContent = text.errorPrefix + problem.message;
        const holder = control.closest('.field') || control.parentElement;
        holder.insertBefore(error, holder.querySelector('input, select, textarea, .choices'));
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', ((control.getAttribute('aria-describedby') || '') + ' ' + error.id).trim());
      } else {
        item.textContent = label + problem.message;
      }
      list.append(item);
    }
    if (problems.length) summary.append(list);
    form.before(summary);
    summary.focus();
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const local = [];
    for (const control of form.elements) {
      if (control.willValidate && !control.checkValidity() && control.name) local.push({ field: control.name, message: control.validationMessage });
    }
    if (local.length) return show(local);
    button.disabled = true;
    status.textContent = text.sending;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
      });
      const body = await response.json().catch(() => null);
      if (response.ok && body && body.reference) {
        window.location.assign(text.thanksPath + '?reference=' + encodeURIComponent(body.reference));
        return;
      }
      if (body && body.form_token) form.elements.form_token.value = body.form_token;
      if (response.status === 409) document.getElementById('confirm-distinct').hidden = false;
      const fields = (body && body.error && body.error.fields) || {};
      show(Object.keys(fields).map((field) => ({ field, message: fields[field] })), (body && body.error && body.error.message) || text.answers[response.status] || text.network);
    } catch (error) {
      show([], text.network);
    } finally {
      button.disabled = false;
      status.textContent = '';
    }
  });
})();`;
