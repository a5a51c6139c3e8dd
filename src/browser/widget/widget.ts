/**
 * <solidarity-directory>: the directory on a partner's site, from one script tag.
 *
 *   <script src="https://directory.example.org/widget.js" defer></script>
 *   <solidarity-directory country="FR" subject="education" lang="fr"></solidarity-directory>
 *
 * A searchable, paged list read from the public JSON API (which answers any origin), rendered in
 * a shadow root so the host page's CSS and ours never mix; themable with `--sd-*` custom
 * properties. Every attribute is listed in docs/embedding.md and shown in /widget-example.html.
 * Text from the API is only ever set with `textContent`.
 */
import { formatMessage, type Params } from '../../i18n/format.ts';
import type { WidgetKey } from '../../i18n/widget-messages.ts';
import type { MapInput } from './map.ts';
import { apiParams, directoryOrigin, filterParams, pagePrefix, widgetLocale, type WidgetState } from './query.ts';
import { STYLES } from './styles.ts';

interface ListItem {
  slug: string;
  name: string;
  short_name?: string | null;
  summary?: string | null;
  lang?: string | null;
  countries?: string[] | null;
  city?: string | null;
}

interface ListBody {
  data: ListItem[];
  meta: { total: number; page: number; total_pages: number };
  facets?: { country?: { value: string; count: number }[] };
}

interface MapApi {
  renderMap(input: MapInput): HTMLElement;
}

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string> };
}

const SCRIPT_SRC = (document.currentScript as HTMLScriptElement | null)?.src;
const OWN_ATTRIBUTES = ['lang', 'q', 'sort', 'per-page', 'subject-mode', 'api', 'heading', 'heading-level', 'no-search', 'map'];
const SEARCH_DELAY_MS = 300;

let mapFile: Promise<MapApi> | undefined;

/**
 * widget-map.js (src/browser/widget/map.ts), loaded once per page and only when a widget has `map`: it
 * sits beside widget.js, wherever that came from. A classic script, so no CORS is needed.
 */
function loadMapFile(origin: string): Promise<MapApi> {
  const w = window as unknown as { solidarityDirectoryMap?: MapApi };
  if (w.solidarityDirectoryMap) return Promise.resolve(w.solidarityDirectoryMap);
  mapFile ??= new Promise<MapApi>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = SCRIPT_SRC ? new URL('widget-map.js', SCRIPT_SRC).href : `${origin}/widget-map.js`;
    script.async = true;
    script.onload = () => (w.solidarityDirectoryMap ? resolve(w.solidarityDirectoryMap) : reject(new Error('widget-map.js did not register')));
    script.onerror = () => {
      mapFile = undefined; // a later load may try again
      reject(new Error(`${script.src} could not be loaded`));
    };
    document.head.append(script);
  });
  return mapFile;
}

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(c);
  return el;
}

class SolidarityDirectory extends HTMLElement {
  static get observedAttributes(): string[] {
    return [...__FILTERS__, ...OWN_ATTRIBUTES];
  }

  private root: ShadowRoot;
  private state: WidgetState = { q: '', page: 1 };
  private controller: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scheduled = false;
  private built = false;
  private els!: {
    section: HTMLElement;
    heading?: HTMLElement;
    form: HTMLFormElement;
    label: HTMLLabelElement;
    input: HTMLInputElement;
    button: HTMLButtonElement;
    status: HTMLElement;
    map: HTMLElement;
    list: HTMLUListElement;
    nav: HTMLElement;
    prev: HTMLButtonElement;
    next: HTMLButtonElement;
    more: HTMLAnchorElement;
  };

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  private get locale(): string {
    const inherited = this.parentElement?.closest('[lang]')?.getAttribute('lang');
    return widgetLocale(this.getAttribute('lang'), inherited, __LOCALES__);
  }

  /** A text of the widget in its language (the catalogues' `widget.*` ids, injected at build time). */
  private text(key: WidgetKey, params?: Params): string {
    const locale = this.locale;
    return formatMessage(locale, (__MESSAGES__[locale] ?? __MESSAGES__[__LOCALES__[0]!]!)[key], params);
  }

  private get origin(): string {
    return directoryOrigin(this.getAttribute('api'), SCRIPT_SRC, location.href);
  }

  connectedCallback(): void {
    if (!this.built) this.build();
    this.state = { q: this.getAttribute('q') ?? '', page: 1 };
    this.els.input.value = this.state.q;
    this.schedule();
  }

  disconnectedCallback(): void {
    this.controller?.abort();
    clearTimeout(this.timer);
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (!this.built || previous === value) return;
    if (name === 'q') {
      this.state.q = value ?? '';
      this.els.input.value = this.state.q;
    }
    this.state.page = 1;
    this.schedule();
  }

  /** Several attributes set in one task cause one request. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.isConnected) void this.load();
    });
  }

  private build(): void {
    this.built = true;
    const input = h('input', { type: 'search', id: 'q', name: 'q', part: 'input', autocomplete: 'off', maxlength: '200' });
    const label = h('label', { for: 'q', part: 'label' });
    const button = h('button', { type: 'submit', part: 'button' });
    const form = h('form', { role: 'search', part: 'search' }, label, input, button);
    const status = h('p', { role: 'status', part: 'status' });
    const map = h('div', { part: 'map-holder' });
    map.hidden = true;
    const list = h('ul', { part: 'list', tabindex: '-1' });
    const prev = h('button', { type: 'button', part: 'button previous' });
    const next = h('button', { type: 'button', part: 'button next' });
    const nav = h('nav', { part: 'pager' }, prev, next);
    nav.hidden = true;
    const more = h('a', { part: 'link' });
    const section = h('section', { part: 'container' }, form, map, status, list, nav, h('p', { class: 'more' }, more));
    this.root.append(h('style', {}, STYLES), section);
    this.els = { section, form, label, input, button, status, map, list, nav, prev, next, more };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.timer);
      this.search(input.value);
    });
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search(input.value), SEARCH_DELAY_MS);
    });
    prev.addEventListener('click', () => this.turn(-1));
    next.addEventListener('click', () => this.turn(1));
  }

  private search(q: string): void {
    if (q.trim() === this.state.q.trim()) return;
    this.state = { q, page: 1 };
    void this.load();
  }

  private turn(delta: number): void {
    this.state.page = Math.max(1, this.state.page + delta);
    void this.load().then(() => this.els.list.focus());
  }

  /** Texts and structure that depend on attributes (language, heading, search box). */
  private decorate(): void {
    const { els } = this;
    const title = this.getAttribute('heading');
    els.heading?.remove();
    els.heading = undefined;
    if (title) {
      const level = Math.min(6, Math.max(2, Number(this.getAttribute('heading-level')) || 2));
      els.heading = h(`h${level}` as 'h2', { id: 'heading', part: 'heading' }, title);
      els.section.prepend(els.heading);
      els.section.setAttribute('aria-labelledby', 'heading');
      els.section.removeAttribute('aria-label');
    } else {
      els.section.setAttribute('aria-label', this.text('region'));
      els.section.removeAttribute('aria-labelledby');
    }
    els.section.setAttribute('lang', this.locale);
    els.form.hidden = this.hasAttribute('no-search');
    els.label.textContent = this.text('searchLabel');
    els.button.textContent = this.text('searchButton');
    els.prev.textContent = this.text('previous');
    els.next.textContent = this.text('next');
    els.nav.setAttribute('aria-label', this.text('pages'));
    const chosen = filterParams((n) => this.getAttribute(n), __FILTERS__);
    if (this.state.country) chosen.set('country', this.state.country);
    const filters = chosen.toString();
    els.more.href = `${this.origin}${pagePrefix(this.locale, __LOCALES__[0]!)}/groups${filters ? `?${filters}` : ''}`;
    els.more.textContent = this.text('seeAll');
  }

  private async load(): Promise<void> {
    this.decorate();
    const { els } = this;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const locale = this.locale;
    const map = this.hasAttribute('map');
    const params = apiParams((n) => this.getAttribute(n), this.state, { filters: __FILTERS__, locale, perPageMax: __PER_PAGE_MAX__, map });
    els.section.setAttribute('aria-busy', 'true');
    els.status.textContent = this.text('loading');
    try {
      const response = await fetch(`${this.origin}/api/v1/groups?${params}`, { signal: controller.signal, headers: { Accept: 'application/json' } });
      const body = (await response.json()) as ListBody & ErrorBody;
      if (controller.signal.aborted) return;
      if (!response.ok) return this.fail(this.text('refused'), body.error);
      this.show(body, locale);
      if (map) await this.showMap(body, locale, controller);
      else els.map.hidden = true;
    } catch (error) {
      if (controller.signal.aborted) return;
      console.warn('[solidarity-directory] request failed:', error);
      this.fail(this.text('unreachable'));
    } finally {
      if (this.controller === controller) els.section.removeAttribute('aria-busy');
    }
  }

  /** The map's texts in the widget's language (the catalogues' `widget.map.*`). */
  private mapTexts(): MapInput['texts'] {
    return {
      title: this.text('map.title'),
      description: (count) => this.text('map.description', { count }),
      none: this.text('map.none'),
      country: (name, count, chosen) => this.text(chosen ? 'map.countryChosen' : 'map.country', { name, count }),
      legend: this.text('map.legend'),
      noGroup: this.text('map.noGroup'),
      tableSummary: this.text('map.tableSummary'),
      tableCountry: this.text('map.tableCountry'),
      tableGroups: this.text('map.tableGroups'),
    };
  }

  /** The map for this answer's country counts; the list works whether or not the map file loads. */
  private async showMap(body: ListBody, locale: string, controller: AbortController): Promise<void> {
    const { els } = this;
    let api: MapApi;
    try {
      api = await loadMapFile(this.origin);
    } catch (error) {
      console.warn('[solidarity-directory] map:', error);
      els.map.replaceChildren(h('p', { class: 'error' }, this.text('map.unavailable')));
      els.map.hidden = false;
      return;
    }
    if (controller.signal.aborted) return;
    const prefix = `${this.origin}${pagePrefix(locale, __LOCALES__[0]!)}/groups`;
    const others = filterParams((n) => this.getAttribute(n), __FILTERS__);
    const chosen = this.state.country
      ? [this.state.country]
      : (this.getAttribute('country') ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
    const drawn = api.renderMap({
      counts: (body.facets?.country ?? []).map((b) => [b.value, b.count]),
      chosen,
      locale,
      texts: this.mapTexts(),
      hrefFor: (code) => {
        others.set('country', code);
        return `${prefix}?${others}`;
      },
      choose: (code) => {
        this.state = { ...this.state, page: 1, country: code };
        void this.load().then(() => this.els.list.focus());
      },
    });
    const parts: Node[] = [drawn];
    if (this.state.country) {
      const all = h('button', { type: 'button', part: 'button all-countries' }, this.text('map.allCountries'));
      all.addEventListener('click', () => {
        this.state = { ...this.state, page: 1, country: undefined };
        void this.load().then(() => this.els.list.focus());
      });
      parts.unshift(h('p', {}, all));
    }
    els.map.replaceChildren(...parts);
    els.map.hidden = false;
  }

  private fail(message: string, error?: ErrorBody['error']): void {
    const { els } = this;
    els.list.replaceChildren();
    els.nav.hidden = true;
    const details = Object.entries(error?.fields ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ');
    if (error) console.warn(`[solidarity-directory] ${error.message ?? ''} ${details}`);
    const retry = h('button', { type: 'button', part: 'button retry' }, this.text('retry'));
    retry.addEventListener('click', () => void this.load());
    const text = h('span', { class: 'error' }, details ? `${message} ${details}` : message);
    if (error) els.status.replaceChildren(text);
    else els.status.replaceChildren(text, ' ', retry);
  }

  private show(body: ListBody, locale: string): void {
    const { els } = this;
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    const prefix = pagePrefix(locale, __LOCALES__[0]!);
    const items = body.data.map((item) => {
      const link = h('a', { class: 'name', translate: 'no', href: `${this.origin}${prefix}/groups/${encodeURIComponent(item.slug)}/` }, item.name);
      const short = item.short_name && item.short_name !== item.name ? ` (${item.short_name})` : '';
      const summary = item.summary ? h('p', item.lang && item.lang !== locale ? { lang: item.lang } : {}, item.summary) : null;
      const where = [...(item.countries ?? []).map((c) => regions.of(c) ?? c), item.city].filter(Boolean).join(' · ');
      return h('li', { part: 'item' }, link, short, summary, where && h('p', { class: 'meta' }, where));
    });
    els.list.replaceChildren(...items);
    const { total, page, total_pages: pages } = body.meta;
    const count = this.text('count', { count: total });
    els.status.textContent = total === 0 ? this.text('none') : pages > 1 ? `${count}, ${this.text('pageOf', { page, pages })}` : count;
    els.nav.hidden = pages <= 1;
    els.prev.disabled = page <= 1;
    els.next.disabled = page >= pages;
  }
}

if (!customElements.get('solidarity-directory')) customElements.define('solidarity-directory', SolidarityDirectory);
