/**
 * An entry's page: its facts, purpose, sources, related groups ("similar topics") and schema.org
 * JSON-LD. Built once per entry and language from the artefact; readable without JavaScript.
 */
import type { Directory } from '../engine/directory.ts';
import { pickText } from '../engine/pick-language.ts';
import { facetLabel } from '../engine/present.ts';
import { relatedDocs } from '../engine/related.ts';
import { contentPrefs, t } from '../i18n/index.ts';
import { enumLabel } from '../i18n/labels.ts';
import { html, jsonForScript, raw, type Html } from '../text/html.ts';
import { paths, SITE_LOCALES, type SiteLocale } from './paths.ts';
import { entryJsonLd } from './json-ld.ts';
import { layout } from './layout.ts';
import { otherLanguageNote } from './listing-page.ts';
import type { NetworkRef } from '../engine/network.ts';
import { renderWhereMap, type EntryLocation } from './where-map.ts';

function fact(label: string, value: Html | string | undefined | false): Html {
  if (value === undefined || value === false || value === '') return html``;
  return html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;
}

function inlineList(items: Html[]): Html | undefined {
  return items.length > 0 ? html`<ul class="tags">${items.map((i) => html`<li>${i}</li>`)}</ul>` : undefined;
}

function langAttr(locale: SiteLocale, textLang: string): Html {
  return textLang !== locale ? html` lang="${textLang}"` : html``;
}

/** `where`: the entry's city on the world map (src/site/where-map.ts `locateEntry`), when the build found it. */
export function renderEntryPage(
  dir: Directory,
  doc: number,
  locale: SiteLocale,
  baseUrl: string,
  network: NetworkRef | undefined,
  where?: EntryLocation,
): string {
  const e = dir.entry(doc);
  const prefs = contentPrefs(locale);
  const summary = pickText(e.summary, prefs);
  const purpose = pickText(e.purpose, prefs);
  const purposeHtml = purpose ? e.purpose_html?.[purpose.lang] : undefined;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const filterLink = (param: string, value: string, label: string) =>
    html`<a href="${paths.listing(locale, `${param}=${encodeURIComponent(value)}`)}">${label}</a>`;

  const related = relatedDocs(dir, doc).map((other) => {
    const r = dir.entry(other);
    const rs = pickText(r.summary, prefs);
    const shared = (r.subjects ?? []).filter((s) => e.subjects?.includes(s)).map((s) => facetLabel(dir, 'subject', s, locale));
    return html`<li class="result">
  <h3><a href="${paths.entry(locale, r.slug)}" translate="no">${r.name}</a></h3>
  ${rs ? html`<p${langAttr(locale, rs.lang)}>${rs.text}</p>` : ''}
  <p class="meta">${t(locale, 'entry.sharedSubjects')}: ${shared.join(', ')}</p>
</li>`;
  });

  const relationText = enumLabel(locale, 'relation', e.network_relation);
  const main = html`<p class="breadcrumb"><a href="${paths.home(locale)}">${t(locale, 'entry.back')}</a></p>
<article class="entry">
<h1 translate="no">${e.name}${e.short_name && e.short_name !== e.name ? html` <span class="short-name">(${e.short_name})</span>` : ''}</h1>
${e.alternate_names?.length ? html`<p class="alternate-names" translate="no">${e.alternate_names.join(' · ')}</p>` : ''}
${summary ? html`<p class="lead"${langAttr(locale, summary.lang)}>${summary.text}</p>` : ''}
${summary && summary.lang !== locale ? html`<p class="field-hint">${otherLanguageNote(locale, summary.lang)}</p>` : ''}
<section aria-labelledby="facts-heading">
<h2 id="facts-heading">${t(locale, 'entry.facts')}</h2>
<dl class="facts">
  ${fact(t(locale, 'entry.countries'), inlineList((e.countries ?? []).map((c) => filterLink('country', c, facetLabel(dir, 'country', c, locale)))))}
  ${fact(t(locale, 'entry.city'), e.city && html`<span translate="no">${e.city}</span>`)}
  ${fact(t(locale, 'entry.scope'), e.geographic_scope && filterLink('scope', e.geographic_scope, enumLabel(locale, 'scope', e.geographic_scope)))}
  ${fact(t(locale, 'entry.structure'), e.structure && filterLink('structure', e.structure, enumLabel(locale, 'structure', e.structure)))}
  ${fact(t(locale, 'entry.relation'), filterLink('relation', e.network_relation, relationText))}
  ${fact(t(locale, 'entry.relationNote'), e.relation_note && html`<span translate="no">${e.relation_note}</span>`)}
  ${fact(t(locale, 'entry.languages'), inlineList((e.languages ?? []).map((l) => filterLink('language', l, facetLabel(dir, 'language', l, locale)))))}
  ${fact(t(locale, 'entry.founded'), e.founded !== undefined ? String(e.founded) : undefined)}
  ${fact(t(locale, 'entry.website'), e.website && html`<a href="${e.website}">${e.website}</a>`)}
  ${fact(t(locale, 'entry.email'), e.email && html`<a href="mailto:${e.email}">${e.email}</a>`)}
  ${fact(t(locale, 'entry.social'), inlineList((e.social ?? []).map((s) => html`<a href="${s}">${s}</a>`)))}
  ${fact(t(locale, 'entry.subjects'), inlineList((e.subjects ?? []).map((s) => filterLink('subject', s, facetLabel(dir, 'subject', s, locale)))))}
  ${fact(t(locale, 'entry.sectors'), inlineList((e.sectors ?? []).map((s) => filterLink('sector', s, facetLabel(dir, 'sector', s, locale)))))}
  ${fact(t(locale, 'entry.updated'), html`<time datetime="${e.updated}">${date.format(new Date(`${e.updated}T00:00:00Z`))}</time>`)}
</dl>
${where && e.city ? renderWhereMap(locale, e.city, facetLabel(dir, 'country', where.country, locale), where) : ''}
</section>
${
  purpose && purposeHtml
    ? html`<section aria-labelledby="purpose-heading">
<h2 id="purpose-heading">${t(locale, 'entry.purpose')}</h2>
${purpose.lang !== locale ? html`<p class="field-hint">${otherLanguageNote(locale, purpose.lang)}</p>` : ''}
<div class="prose"${langAttr(locale, purpose.lang)}>${raw(purposeHtml)}</div>
</section>`
    : ''
}
${
  e.sources?.length
    ? html`<section aria-labelledby="sources-heading">
<h2 id="sources-heading">${t(locale, 'entry.sources')}</h2>
<ul class="sources" translate="no">${e.sources.map((s) => html`<li>${s.url ? html`<a href="${s.url}">${s.title ?? s.url}</a>` : s.title}</li>`)}</ul>
</section>`
    : ''
}
${
  related.length > 0
    ? html`<section aria-labelledby="related-heading">
<h2 id="related-heading">${t(locale, 'entry.related')}</h2>
<p>${t(locale, 'entry.relatedIntro')}</p>
<ul class="results">${related}</ul>
</section>`
    : ''
}
<section aria-labelledby="data-heading">
<h2 id="data-heading">${t(locale, 'entry.data')}</h2>
<ul class="tags"><li><a href="${paths.groupApi(e.slug)}?lang=${prefs[0]}">${t(locale, 'entry.dataJson')}</a></li><li><a href="${paths.murmurations(e.slug)}">${t(locale, 'entry.dataMurmurations')}</a></li></ul>
</section>
<p class="correction-call">${t(locale, 'entry.correctionCall')} <a href="${paths.correction(locale, e.slug)}">${t(locale, 'entry.correctionLink')}</a></p>
</article>
<aside class="join-call"><p>${t(locale, 'footer.missingGroup')} <a href="${paths.join(locale)}">${t(locale, 'footer.joinCall')}</a></p></aside>`;

  return layout({
    locale,
    title: `${e.name}${e.short_name && e.short_name !== e.name ? ` (${e.short_name})` : ''} — ${t(locale, 'site.name')}`,
    description: summary?.text ?? t(locale, 'site.tagline'),
    baseUrl,
    path: paths.entry(locale, e.slug),
    alternates: Object.fromEntries(SITE_LOCALES.map((l) => [l, paths.entry(l, e.slug)])) as Record<SiteLocale, string>,
    head: html`<script type="application/ld+json">${jsonForScript(entryJsonLd(dir, doc, locale, baseUrl, network))}</script>`,
    main,
  }).value;
}
