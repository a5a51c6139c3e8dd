/**
 * The join form's progressive enhancement, bundled by the site build into /assets/join-form.js and
 * loaded by the join page (same origin, so the page's CSP needs no inline script). Without it the
 * form posts and the server answers with the page again, errors and values included; with it:
 * the browser's own checks run first and show inline; the form is sent with fetch, so nothing
 * typed ever leaves the screen; the server's per-field messages appear next to their fields and
 * in a focused summary; a renewed form token is swapped in; success goes to the thank-you page.
 *
 * The page hands over its texts as JSON in <script type="application/json" id="join-text">.
 */

import './country-picker.ts'; // the searchable countries picker: its own module, run on load

/** What the page puts in #join-text (src/join/pages/render-join-page.ts). */
export interface JoinFormText {
  errorSummaryTitle: string;
  errorPrefix: string;
  sending: string;
  network: string;
  thanksPath: string;
  labels: Record<string, string>;
  answers: Record<number, string>;
}

interface Problem {
  field: string;
  message: string;
}

interface JoinAnswer {
  reference?: string;
  form_token?: string;
  error?: { message?: string; fields?: Record<string, string> };
}

function enhance(form: HTMLFormElement, text: JoinFormText): void {
  form.noValidate = true;
  const status = document.getElementById('join-status') as HTMLElement;
  const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
  const idFor = (field: string): string | null => {
    const anchor = form.querySelector(`[data-error-anchor="${CSS.escape(field)}"]`);
    return anchor ? anchor.id : null;
  };
  function clear() {
    for (const node of form.querySelectorAll('.field-error[data-live]')) node.remove();
    for (const node of form.querySelectorAll('[aria-invalid="true"]')) {
      node.removeAttribute('aria-invalid');
      const ids = (node.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.endsWith('-error'));
      if (ids.length) node.setAttribute('aria-describedby', ids.join(' '));
      else node.removeAttribute('aria-describedby');
    }
    const old = document.getElementById('error-summary');
    if (old) old.remove();
  }
  function show(problems: Problem[], message?: string) {
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
      const label = text.labels[problem.field] ? `${text.labels[problem.field]}: ` : '';
      if (id) {
        const link = document.createElement('a');
        link.href = `#${id}`;
        link.textContent = label + problem.message;
        item.append(link);
        const control = document.getElementById(id) as HTMLElement;
        const error = document.createElement('p');
        error.className = 'field-error';
        error.id = `${id}-error`;
        error.dataset.live = '';
        error.textContent = text.errorPrefix + problem.message;
        const holder = (control.closest('.field') || control.parentElement) as HTMLElement;
        holder.insertBefore(error, holder.querySelector('input, select, textarea, .choices'));
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') || ''} ${error.id}`.trim());
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
    const local: Problem[] = [];
    for (const control of form.elements as unknown as Iterable<HTMLInputElement>) {
      if (control.willValidate && !control.checkValidity() && control.name) local.push({ field: control.name, message: control.validationMessage });
    }
    if (local.length) return show(local);
    button.disabled = true;
    status.textContent = text.sending;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        credentials: 'same-origin',
      });
      const body = (await response.json().catch(() => null)) as JoinAnswer | null;
      if (response.ok && body?.reference) {
        window.location.assign(`${text.thanksPath}?reference=${encodeURIComponent(body.reference)}`);
        return;
      }
      if (body?.form_token) (form.elements.namedItem('form_token') as HTMLInputElement).value = body.form_token;
      const distinct = document.getElementById('confirm-distinct');
      if (response.status === 409 && distinct) distinct.hidden = false;
      const fields = body?.error?.fields ?? {};
      show(
        Object.entries(fields).map(([field, message]) => ({ field, message })),
        body?.error?.message || text.answers[response.status] || text.network,
      );
    } catch {
      show([], text.network);
    } finally {
      button.disabled = false;
      status.textContent = '';
    }
  });
}

const form = document.getElementById('join-form');
const textNode = document.getElementById('join-text');
if (form instanceof HTMLFormElement && textNode?.textContent && 'fetch' in window) {
  enhance(form, JSON.parse(textNode.textContent) as JoinFormText);
}
