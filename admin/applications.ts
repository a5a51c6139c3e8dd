/**
 * The editors' Applications page (/admin/applications.html): every application and correction,
 * with the applicant's contact details decrypted here, in the editor's browser, with the editor's
 * own age identity (https://age-encryption.org, npm `age-encryption`, which runs in browsers).
 *
 * - The identity is imported once (a file, or pasted) or created here, and kept in this browser's
 *   localStorage; it is never sent anywhere. Its public key is shown for JOIN_CONTACT_PUBLIC_KEY.
 * - The list comes from `GET /api/v1/applications`, which checks that the caller is an editor: the
 *   GitHub token Decap CMS keeps after the editor's login (localStorage `decap-cms-user`) goes in
 *   the Authorization header; under `npm start` the local CMS needs none.
 * - Everything from the server is written with textContent: no HTML from data ever runs.
 * - No inline script or style (the page works under `script-src 'self'`).
 */
import { armor, Decrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { DESK_MESSAGES, deskLocale, type DeskMessages } from './applications-messages.ts';

const IDENTITY_KEY = 'solidarity-directory.editor-identity';

interface Application {
  reference: string;
  kind: 'join' | 'correction';
  state: string;
  received_at: string;
  name: string;
  slug: string;
  pull_request: { number: number; url: string } | null;
  branch: string | null;
  last_error: string | null;
  possible_duplicates: { field: string; value: string; kind: string; slug: string | null; name: string | null; reference: string | null }[];
  changes: { field: string; locale?: string; from?: unknown; to?: unknown }[] | null;
  source_url: string | null;
  speaks_for_group: boolean | null;
  relation_claim: string | null;
  contact: { ciphertext: string } | null;
}

interface ContactBundle {
  contact: { name: string; email: string; role?: string; message?: string };
  consent: { given_at: string };
}

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** Only http(s) links from data; anything else is shown as text. */
function link(href: string, text: string): Node {
  return /^https?:\/\//.test(href) ? el('a', { href, rel: 'noopener noreferrer' }, text) : document.createTextNode(text);
}

const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value));

function identityLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => /^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(l));
}

/** The token of Decap's GitHub login in this browser, if any (the local CMS has none). */
function cmsToken(): string | undefined {
  try {
    const user = JSON.parse(localStorage.getItem('decap-cms-user') ?? 'null') as { token?: unknown } | null;
    return typeof user?.token === 'string' && user.token !== '' ? user.token : undefined;
  } catch {
    return undefined; // not JSON: no login to use
  }
}

async function main() {
  const m: DeskMessages = DESK_MESSAGES[deskLocale(navigator.languages ?? [navigator.language])];
  const desk = document.getElementById('desk')!;
  document.documentElement.lang = m === DESK_MESSAGES.fr ? 'fr' : 'en';
  document.title = `${m.title} · Solidarity Directory`;

  let identity = localStorage.getItem(IDENTITY_KEY) ?? undefined;
  let applications: Application[] = [];

  const keyState = el('p', { id: 'key-state' });
  const publicKey = el('p', { id: 'public-key', hidden: '' });
  const keyMessage = el('p', { id: 'key-message', class: 'message', role: 'status', hidden: '' });
  const newKey = el('button', { type: 'button', id: 'new-key', class: 'primary' }, m.newKey);
  const download = el('a', { id: 'download-key', hidden: '', download: 'solidarity-editor-key.txt' }, m.downloadKey);
  const file = el('input', { type: 'file', id: 'key-file', accept: '.txt,.key,text/plain' });
  const paste = el('textarea', { id: 'key-paste', autocomplete: 'off', spellcheck: 'false' });
  const useKey = el('button', { type: 'button', id: 'use-key' }, m.useKey);
  const forgetKey = el('button', { type: 'button', id: 'forget-key', hidden: '' }, m.forgetKey);
  const status = el('p', { id: 'list-status', role: 'status' }, m.loading);
  const table = el('table', { id: 'applications', hidden: '' });

  desk.append(
    el('header', {}, el('h1', {}, m.title), el('a', { href: '/admin/' }, m.backToCms)),
    el(
      'section',
      { 'aria-labelledby': 'key-heading' },
      el('h2', { id: 'key-heading' }, m.keyHeading),
      el('p', { class: 'hint' }, m.keyIntro),
      keyState,
      publicKey,
      keyMessage,
      el('div', { class: 'row' }, newKey, download, forgetKey),
      el('div', { class: 'row' }, el('label', { for: 'key-file' }, m.openKeyFile), file),
      el('div', {}, el('label', { for: 'key-paste' }, m.pasteKey), el('br'), paste, el('div', { class: 'row' }, useKey)),
    ),
    el('section', { 'aria-labelledby': 'list-heading' }, el('h2', { id: 'list-heading' }, m.listHeading), status, table),
  );
  desk.hidden = false;

  const say = (text: string, ok = false) => {
    keyMessage.textContent = text;
    keyMessage.className = ok ? 'message ok' : 'message';
    keyMessage.hidden = false;
  };

  async function showKey() {
    keyState.textContent = identity ? m.hasKey : m.noKey;
    forgetKey.hidden = !identity;
    publicKey.hidden = !identity;
    if (identity) publicKey.replaceChildren(m.publicKey, ' ', el('code', { id: 'recipient' }, await identityToRecipient(identity)));
  }

  async function keep(text: string): Promise<boolean> {
    const found = identityLines(text)[0];
    if (!found) {
      say(m.badKey);
      return false;
    }
    identity = found;
    localStorage.setItem(IDENTITY_KEY, found);
    await showKey();
    await render();
    return true;
  }

  newKey.addEventListener('click', async () => {
    const created = await generateIdentity();
    await keep(created);
    const recipient = await identityToRecipient(created);
    const blob = new Blob([`# Solidarity Directory editor key. Keep it private; share only the public key.\n# public key: ${recipient}\n${created}\n`], {
      type: 'text/plain',
    });
    download.href = URL.createObjectURL(blob);
    download.hidden = false;
    say(m.newKeyDone, true);
  });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (chosen) await keep(await chosen.text());
    file.value = '';
  });
  useKey.addEventListener('click', async () => {
    if (await keep(paste.value)) paste.value = '';
  });
  forgetKey.addEventListener('click', async () => {
    localStorage.removeItem(IDENTITY_KEY);
    identity = undefined;
    download.hidden = true;
    keyMessage.hidden = true;
    await showKey();
    await render();
  });

  const headers = (): Record<string, string> => {
    const token = cmsToken();
    return { Accept: 'application/json', ...(token ? { Authorization: `token ${token}` } : {}) };
  };

  async function contactCell(a: Application): Promise<Node> {
    if (!a.contact) return el('p', { class: 'locked' }, m.forgotten);
    if (!identity) return el('p', { class: 'locked' }, m.locked);
    let bundle: ContactBundle;
    try {
      const decrypter = new Decrypter();
      decrypter.addIdentity(identity);
      bundle = JSON.parse(await decrypter.decrypt(armor.decode(a.contact.ciphertext), 'text')) as ContactBundle;
    } catch {
      return el('p', { class: 'locked' }, m.notForYou); // encrypted to other editors' keys only
    }
    const c = bundle.contact;
    const forget = el('button', { type: 'button' }, m.forget);
    forget.addEventListener('click', async () => {
      if (!window.confirm(m.confirmForget)) return;
      const res = await fetch(`/api/v1/applications/${encodeURIComponent(a.reference)}/contact`, {
        method: 'DELETE',
        headers: headers(),
        credentials: 'same-origin',
      });
      if (res.ok) await load();
    });
    return el(
      'div',
      {},
      el(
        'dl',
        { class: 'contact' },
        el('dt', {}, m.name),
        el('dd', {}, c.name),
        el('dt', {}, m.email),
        el('dd', {}, el('a', { href: `mailto:${c.email}` }, c.email)),
        c.role ? el('dt', {}, m.role) : null,
        c.role ? el('dd', {}, c.role) : null,
        c.message ? el('dt', {}, m.message) : null,
        c.message ? el('dd', {}, c.message) : null,
      ),
      el('p', { class: 'hint' }, m.consent(bundle.consent.given_at.slice(0, 10))),
      forget,
    );
  }

  function details(a: Application): Node {
    const box = el('div');
    if (a.possible_duplicates.length > 0) {
      box.append(
        el('p', {}, m.duplicates),
        el(
          'ul',
          {},
          ...a.possible_duplicates.map((d) =>
            el(
              'li',
              {},
              `${d.field}: ${d.value} — `,
              d.kind === 'entry' ? m.duplicateEntry(d.name ?? d.slug ?? '') : m.duplicateApplication(d.reference ?? ''),
            ),
          ),
        ),
      );
    }
    if (a.changes) {
      box.append(
        el('p', {}, m.changes),
        el(
          'ul',
          {},
          ...a.changes.map((c) =>
            el(
              'li',
              {},
              `${c.field}${c.locale ? ` (${c.locale})` : ''}: `,
              c.to === undefined ? `${m.remove} “${shown(c.from)}”` : `“${shown(c.from)}” → “${shown(c.to)}”`,
            ),
          ),
        ),
      );
      if (a.source_url) box.append(el('p', {}, m.source, ' ', link(a.source_url, a.source_url)));
      if (a.speaks_for_group) box.append(el('p', {}, m.speaksForGroup));
      if (a.relation_claim) box.append(el('p', {}, m.relation, ' ', a.relation_claim));
    }
    return box;
  }

  async function render() {
    if (applications.length === 0) {
      table.hidden = true;
      return;
    }
    const rows = await Promise.all(
      applications.map(async (a) => {
        const review: Child[] = [];
        if (a.pull_request) review.push(link(a.pull_request.url, m.pullRequest(a.pull_request.number)));
        else if (a.branch) review.push(m.branch(a.branch));
        if (a.last_error) review.push(el('p', { class: 'hint' }, a.last_error === 'draft_open' ? m.waitingForDraft : m.lastError(a.last_error)));
        const group = a.kind === 'correction' ? link(`${location.origin}/groups/${encodeURIComponent(a.slug)}/`, a.name) : a.name;
        return el(
          'tr',
          { 'data-reference': a.reference },
          el('td', {}, el('code', {}, a.reference)),
          el('td', {}, m.kinds[a.kind] ?? a.kind),
          el('td', {}, m.states[a.state] ?? a.state),
          el('td', {}, el('time', { datetime: a.received_at }, a.received_at.slice(0, 10))),
          el('td', {}, group),
          el('td', {}, ...review),
          el('td', {}, details(a)),
          el('td', {}, await contactCell(a)),
        );
      }),
    );
    table.replaceChildren(el('thead', {}, el('tr', {}, ...m.columns.map((c) => el('th', { scope: 'col' }, c)))), el('tbody', {}, ...rows));
    table.hidden = false;
  }

  async function load() {
    status.textContent = m.loading;
    let res: Response;
    try {
      res = await fetch('/api/v1/applications', { headers: headers(), credentials: 'same-origin' });
    } catch {
      status.textContent = m.networkFailed;
      return;
    }
    const body = (await res.json().catch(() => null)) as { data?: Application[]; error?: { message?: string } } | null;
    if (!res.ok || !body?.data) {
      status.textContent = body?.error?.message ?? m.loadFailed(res.status);
      status.className = 'message';
      applications = [];
      await render();
      return;
    }
    applications = body.data;
    status.className = '';
    status.textContent = applications.length === 0 ? m.empty : m.count(applications.length);
    await render();
  }

  await showKey();
  await load();
}

void main();
