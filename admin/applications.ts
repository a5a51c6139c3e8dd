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
 * - Its texts are the catalogues' `desk.*` (src/i18n/desk-messages.ts, injected by the admin build
 *   as `__DESK_MESSAGES__`), in the editor's language chosen as the CMS chooses it
 *   (editor-language.ts: `?lang=`, the choice made in the CMS, the browser's languages).
 */
import { armor, Decrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import type { DeskKey, DeskMessages } from '../src/i18n/desk-messages.ts';
import { formatMessage } from '../src/i18n/format.ts';
import type { ParamsOf } from '../src/i18n/types.ts';
import { editorLanguage } from './editor-language.ts';

declare const __DESK_MESSAGES__: DeskMessages;

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

const COLUMNS = ['reference', 'kind', 'state', 'received', 'group', 'review', 'details', 'contact'] as const;

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
  const locale = editorLanguage(__DESK_MESSAGES__.locales);
  const { texts, fields } = __DESK_MESSAGES__.catalogues[locale];
  /** A desk text in the editor's language, its `{placeholders}` filled (src/i18n/format.ts). */
  const tx = <K extends DeskKey>(id: K, params?: ParamsOf<`desk.${K}`>): string => formatMessage(locale, texts[id], params);
  /** A state or kind the catalogue names (`state.accepted`), else the server's word as it came. */
  const named = (id: string, fallback: string) => (Object.hasOwn(texts, id) ? tx(id as DeskKey) : fallback);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  /** A YYYY-MM-DD… timestamp as the language writes the day; anything else as it came. */
  const dayOf = (timestamp: string) => {
    const date = new Date(timestamp);
    return Number.isNaN(date.getTime()) ? timestamp.slice(0, 10) : day.format(date);
  };
  const languages = new Intl.DisplayNames([locale], { type: 'language' });
  /** A field as the CMS labels it, with the language of a translated text: "Summary (French)". */
  const fieldName = (field: string, language?: string) => {
    const label = fields[field] ?? field;
    if (!language) return label;
    let name = language;
    try {
      name = languages.of(language) ?? language;
    } catch {
      // not a language tag: shown as it came
    }
    return `${label} (${name})`;
  };
  const desk = document.getElementById('desk')!;
  document.documentElement.lang = locale;
  document.title = tx('documentTitle');

  let identity = localStorage.getItem(IDENTITY_KEY) ?? undefined;
  let applications: Application[] = [];

  const keyState = el('p', { id: 'key-state' });
  const publicKey = el('p', { id: 'public-key', hidden: '' });
  const keyMessage = el('p', { id: 'key-message', class: 'message', role: 'status', hidden: '' });
  const newKey = el('button', { type: 'button', id: 'new-key', class: 'primary' }, tx('newKey'));
  const download = el('a', { id: 'download-key', hidden: '', download: 'solidarity-editor-key.txt' }, tx('downloadKey'));
  const file = el('input', { type: 'file', id: 'key-file', accept: '.txt,.key,text/plain' });
  const paste = el('textarea', { id: 'key-paste', autocomplete: 'off', spellcheck: 'false' });
  const useKey = el('button', { type: 'button', id: 'use-key' }, tx('useKey'));
  const forgetKey = el('button', { type: 'button', id: 'forget-key', hidden: '' }, tx('forgetKey'));
  const status = el('p', { id: 'list-status', role: 'status' }, tx('loading'));
  const table = el('table', { id: 'applications', hidden: '' });

  desk.append(
    el('header', {}, el('h1', {}, tx('title')), el('a', { href: '/admin/' }, tx('backToCms'))),
    el(
      'section',
      { 'aria-labelledby': 'key-heading' },
      el('h2', { id: 'key-heading' }, tx('keyHeading')),
      el('p', { class: 'hint' }, tx('keyIntro')),
      keyState,
      publicKey,
      keyMessage,
      el('div', { class: 'row' }, newKey, download, forgetKey),
      el('div', { class: 'row' }, el('label', { for: 'key-file' }, tx('openKeyFile')), file),
      el('div', {}, el('label', { for: 'key-paste' }, tx('pasteKey')), el('br'), paste, el('div', { class: 'row' }, useKey)),
    ),
    el('section', { 'aria-labelledby': 'list-heading' }, el('h2', { id: 'list-heading' }, tx('listHeading')), status, table),
  );
  desk.hidden = false;

  const say = (text: string, ok = false) => {
    keyMessage.textContent = text;
    keyMessage.className = ok ? 'message ok' : 'message';
    keyMessage.hidden = false;
  };

  async function showKey() {
    keyState.textContent = identity ? tx('hasKey') : tx('noKey');
    forgetKey.hidden = !identity;
    publicKey.hidden = !identity;
    if (identity) publicKey.replaceChildren(tx('publicKey'), ' ', el('code', { id: 'recipient' }, await identityToRecipient(identity)));
  }

  async function keep(text: string): Promise<boolean> {
    const found = identityLines(text)[0];
    if (!found) {
      say(tx('badKey'));
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
    const blob = new Blob([`# ${tx('keyFileNote')}\n# ${tx('keyFilePublic', { recipient })}\n${created}\n`], {
      type: 'text/plain',
    });
    download.href = URL.createObjectURL(blob);
    download.hidden = false;
    say(tx('newKeyDone'), true);
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
    if (!a.contact) return el('p', { class: 'locked' }, tx('forgotten'));
    if (!identity) return el('p', { class: 'locked' }, tx('locked'));
    let bundle: ContactBundle;
    try {
      const decrypter = new Decrypter();
      decrypter.addIdentity(identity);
      bundle = JSON.parse(await decrypter.decrypt(armor.decode(a.contact.ciphertext), 'text')) as ContactBundle;
    } catch {
      return el('p', { class: 'locked' }, tx('notForYou')); // encrypted to other editors' keys only
    }
    const c = bundle.contact;
    const forget = el('button', { type: 'button' }, tx('forget'));
    forget.addEventListener('click', async () => {
      if (!window.confirm(tx('confirmForget'))) return;
      const res = await fetch(`/api/v1/applications/${encodeURIComponent(a.reference)}/contact?lang=${locale}`, {
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
        el('dt', {}, tx('name')),
        el('dd', {}, c.name),
        el('dt', {}, tx('email')),
        el('dd', {}, el('a', { href: `mailto:${c.email}` }, c.email)),
        c.role ? el('dt', {}, tx('role')) : null,
        c.role ? el('dd', {}, c.role) : null,
        c.message ? el('dt', {}, tx('message')) : null,
        c.message ? el('dd', {}, c.message) : null,
      ),
      el('p', { class: 'hint' }, tx('consent', { date: dayOf(bundle.consent.given_at) })),
      forget,
    );
  }

  function details(a: Application): Node {
    const box = el('div');
    if (a.possible_duplicates.length > 0) {
      box.append(
        el('p', {}, tx('duplicates')),
        el(
          'ul',
          {},
          ...a.possible_duplicates.map((d) =>
            el(
              'li',
              {},
              `${fieldName(d.field)}: ${d.value} — `,
              d.kind === 'entry' ? tx('duplicateEntry', { name: d.name ?? d.slug ?? '' }) : tx('duplicateApplication', { reference: d.reference ?? '' }),
            ),
          ),
        ),
      );
    }
    if (a.changes) {
      box.append(
        el('p', {}, tx('changes')),
        el(
          'ul',
          {},
          ...a.changes.map((c) =>
            el(
              'li',
              {},
              `${fieldName(c.field, c.locale)}: `,
              c.to === undefined ? tx('remove', { value: shown(c.from) }) : tx('change', { from: shown(c.from), to: shown(c.to) }),
            ),
          ),
        ),
      );
      if (a.source_url) box.append(el('p', {}, tx('source'), ' ', link(a.source_url, a.source_url)));
      if (a.speaks_for_group) box.append(el('p', {}, tx('speaksForGroup')));
      if (a.relation_claim) box.append(el('p', {}, tx('relation'), ' ', a.relation_claim));
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
        if (a.pull_request) review.push(link(a.pull_request.url, tx('pullRequest', { number: a.pull_request.number })));
        else if (a.branch) review.push(tx('branch', { branch: a.branch }));
        if (a.last_error)
          review.push(el('p', { class: 'hint' }, a.last_error === 'draft_open' ? tx('waitingForDraft') : tx('lastError', { code: a.last_error })));
        const group = a.kind === 'correction' ? link(`${location.origin}/groups/${encodeURIComponent(a.slug)}/`, a.name) : a.name;
        return el(
          'tr',
          { 'data-reference': a.reference },
          el('td', {}, el('code', {}, a.reference)),
          el('td', {}, named(`kind.${a.kind}`, a.kind)),
          el('td', {}, named(`state.${a.state}`, a.state)),
          el('td', {}, el('time', { datetime: a.received_at }, dayOf(a.received_at))),
          el('td', {}, group),
          el('td', {}, ...review),
          el('td', {}, details(a)),
          el('td', {}, await contactCell(a)),
        );
      }),
    );
    table.replaceChildren(el('thead', {}, el('tr', {}, ...COLUMNS.map((c) => el('th', { scope: 'col' }, tx(`column.${c}`))))), el('tbody', {}, ...rows));
    table.hidden = false;
  }

  async function load() {
    status.textContent = tx('loading');
    let res: Response;
    try {
      res = await fetch(`/api/v1/applications?lang=${locale}`, { headers: headers(), credentials: 'same-origin' });
    } catch {
      status.textContent = tx('networkFailed');
      return;
    }
    const body = (await res.json().catch(() => null)) as { data?: Application[]; error?: { message?: string } } | null;
    if (!res.ok || !body?.data) {
      status.textContent = body?.error?.message ?? tx('loadFailed', { status: res.status });
      status.className = 'message';
      applications = [];
      await render();
      return;
    }
    applications = body.data;
    status.className = '';
    status.textContent = applications.length === 0 ? tx('empty') : tx('count', { count: applications.length });
    await render();
  }

  await showKey();
  await load();
}

void main();
