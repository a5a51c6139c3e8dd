/**
 * Preview templates: a group as the public directory shows it (src/cms/preview-model.ts decides
 * what that is; this file only draws it), and a taxonomy term with its labels, in the editor's
 * language (headings from the catalogues: `cms.*`, `entry.related`).
 * Written with createElement because the project's tsconfig has no JSX setting.
 */
import { createElement as h, useEffect, useState, type ReactNode } from 'react';
import type { Map as ImmutableMap } from 'immutable';
import { decodeDraft } from '../src/cms/check-entry.ts';
import { previewModel, type PreviewModel } from '../src/cms/preview-model.ts';
import { decodeEntryFile } from '../src/content/entry-file.ts';
import { createMarkdownRenderer } from '../src/content/render-markdown.ts';
import { t, type Locale } from '../src/i18n/index.ts';
import type { Entry } from '../src/schema/entry.ts';
import { CONTENT_LOCALES, DEFAULT_LOCALE, isContentLocale } from '../src/schema/locales.ts';
import { TAXONOMIES, type TaxonomyName, type TaxonomyTerm } from '../src/schema/taxonomy.ts';
import { languageName } from '../src/schema/codes.ts';

type IMap = ImmutableMap<string, unknown>;

interface PreviewProps {
  entry: IMap;
  getCollection: (name: string) => Promise<IMap[]>;
}

const renderMarkdown = createMarkdownRenderer();

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; color: #1d1d1f; margin: 0; }
  .group { max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
  .group h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
  .aka { color: #555; margin: 0 0 .75rem; }
  .summary { font-size: 1.1rem; }
  .chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; margin: .25rem 0 1rem; }
  .chips li { background: #eef1f6; border-radius: 1rem; padding: .1rem .7rem; font-size: .9rem; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
  dl.facts dt { color: #555; }
  dl.facts dd { margin: 0; }
  .related { border-top: 1px solid #ddd; margin-top: 2rem; padding-top: 1rem; }
  .related li { margin-bottom: .6rem; }
  .lang { color: #777; font-size: .8rem; }
  .empty { color: #999; font-style: italic; }
`;

/** `getCollection` wraps each entry in an Immutable Map but leaves its data a plain object; accept both. */
function plainData(item: IMap): Record<string, unknown> {
  const data = item.get('data') as { toJS?: () => unknown } | Record<string, unknown> | undefined;
  if (!data) return {};
  return (typeof data.toJS === 'function' ? data.toJS() : data) as Record<string, unknown>;
}

/** A published group as Decap hands it to `getCollection`: the file's front matter, or already split by locale. */
function publishedEntry(item: IMap): Partial<Entry> {
  const data = plainData(item);
  const main = data[DEFAULT_LOCALE];
  if (main && typeof main === 'object' && CONTENT_LOCALES.some((l) => l in data)) {
    return decodeEntryFile(data, '').value as Partial<Entry>;
  }
  return decodeDraft({ data }).value as Partial<Entry>;
}

function useCollections(getCollection: PreviewProps['getCollection']) {
  const [state, setState] = useState<{ groups: Partial<Entry>[]; taxonomies: Record<TaxonomyName, TaxonomyTerm[]> } | undefined>();
  useEffect(() => {
    let live = true;
    Promise.all([getCollection('groups'), ...TAXONOMIES.map((t) => getCollection(t))])
      .then(([groups, ...terms]) => {
        if (!live) return;
        setState({
          groups: (groups ?? []).map(publishedEntry),
          taxonomies: Object.fromEntries(TAXONOMIES.map((t, i) => [t, (terms[i] ?? []).map((m) => plainData(m) as unknown as TaxonomyTerm)])) as Record<
            TaxonomyName,
            TaxonomyTerm[]
          >,
        });
      })
      .catch((error: unknown) => console.error('Preview: could not load the published directory', error));
    return () => {
      live = false;
    };
  }, [getCollection]);
  return state;
}

function chips(label: string, values: string[], className: string): ReactNode {
  if (values.length === 0) return null;
  return h(
    'section',
    { className },
    h('h2', null, label),
    h(
      'ul',
      { className: 'chips' },
      values.map((v) => h('li', { key: v }, v)),
    ),
  );
}

function link(href: string): ReactNode {
  return /^(https?:\/\/|mailto:)/i.test(href) ? h('a', { href, rel: 'nofollow noopener' }, href) : href;
}

function GroupView({ model, loading, locale }: { model: PreviewModel; loading: boolean; locale: Locale }): ReactNode {
  const facts = [...model.facts];
  return h(
    'article',
    { className: 'group', 'data-testid': 'group-preview' },
    h('style', null, STYLE),
    h('h1', null, model.name || h('span', { className: 'empty' }, t(locale, 'cms.field.name.label'))),
    model.shortName || model.alternateNames.length > 0
      ? h('p', { className: 'aka' }, [model.shortName, ...model.alternateNames].filter(Boolean).join(' · '))
      : null,
    model.summary
      ? h('p', { className: 'summary', lang: model.summary.lang }, model.summary.text)
      : h('p', { className: 'empty' }, t(locale, 'cms.preview.noSummary')),
    chips(t(locale, 'cms.field.countries.label'), model.city ? [model.city, ...model.countries] : model.countries, 'countries'),
    chips(t(locale, 'cms.field.subjects.label'), model.subjects, 'subjects'),
    chips(t(locale, 'cms.field.sectors.label'), model.sectors, 'sectors'),
    chips(t(locale, 'cms.field.languages.label'), model.languages, 'languages'),
    facts.length > 0
      ? h(
          'dl',
          { className: 'facts' },
          facts.flatMap((f) => [h('dt', { key: `${f.label}-t` }, f.label), h('dd', { key: `${f.label}-d` }, f.value)]),
        )
      : null,
    model.purposeHtml
      ? h(
          'section',
          { className: 'purpose', lang: model.purposeLang },
          h('h2', null, t(locale, 'cms.field.purpose.label')),
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the site's own renderer made this HTML; it escapes raw HTML and keeps only http(s)/mailto links
          h('div', { dangerouslySetInnerHTML: { __html: model.purposeHtml } }),
        )
      : null,
    model.website || model.email || model.social.length > 0
      ? h(
          'section',
          { className: 'links' },
          h('h2', null, t(locale, 'cms.preview.contact')),
          h(
            'ul',
            null,
            [model.website, model.email && `mailto:${model.email}`, ...model.social].filter((x): x is string => !!x).map((x) => h('li', { key: x }, link(x))),
          ),
        )
      : null,
    model.sources.length > 0
      ? h(
          'section',
          { className: 'sources' },
          h('h2', null, t(locale, 'cms.field.sources.label')),
          h(
            'ul',
            null,
            model.sources.map((s, i) => h('li', { key: i }, s.url ? link(s.url) : null, s.url && s.title ? ' — ' : null, s.title ?? null)),
          ),
        )
      : null,
    h(
      'section',
      { className: 'related', 'data-testid': 'related-groups' },
      h('h2', null, t(locale, 'entry.related')),
      loading
        ? h('p', { className: 'empty' }, t(locale, 'cms.preview.loading'))
        : model.related.length === 0
          ? h('p', { className: 'empty' }, t(locale, 'cms.preview.noRelated'))
          : h(
              'ul',
              null,
              model.related.map((r) =>
                h(
                  'li',
                  { key: r.slug },
                  h('strong', null, r.name),
                  r.countries.length > 0 ? ` (${r.countries.join(', ')})` : null,
                  h(
                    'ul',
                    { className: 'chips' },
                    r.subjects.map((s) => h('li', { key: s }, s)),
                  ),
                ),
              ),
            ),
    ),
  );
}

/** The preview templates in the editor's language (admin/cms.ts registers them). */
export function previewTemplates(locale: Locale) {
  // biome-ignore lint/correctness/noComponentHookFactories: made once, when cms.ts registers the templates, not per render
  function GroupPreview({ entry, getCollection }: PreviewProps): ReactNode {
    const loaded = useCollections(getCollection);
    const plain = entry.toJS() as { data?: Record<string, unknown>; i18n?: Record<string, { data?: Record<string, unknown> }> };
    const draft = decodeDraft({ data: plain.data ?? {}, i18n: plain.i18n }).value as Partial<Entry>;
    const model = previewModel({
      draft,
      published: loaded?.groups ?? [],
      taxonomies: loaded?.taxonomies ?? { subjects: [], sectors: [] },
      renderMarkdown,
      locale: isContentLocale(locale) ? locale : DEFAULT_LOCALE,
    });
    return h(GroupView, { model, loading: loaded === undefined, locale });
  }

  // biome-ignore lint/correctness/noComponentHookFactories: made once, when cms.ts registers the templates, not per render
  function TermPreview({ entry }: PreviewProps): ReactNode {
    const term = ((entry.get('data') as IMap | undefined)?.toJS() ?? {}) as Partial<TaxonomyTerm>;
    const labels: Partial<Record<string, string>> = term.label ?? {};
    return h(
      'article',
      { className: 'group' },
      h('style', null, STYLE),
      h(
        'h1',
        null,
        labels[isContentLocale(locale) ? locale : DEFAULT_LOCALE] ||
          labels[DEFAULT_LOCALE] ||
          h('span', { className: 'empty' }, t(locale, 'cms.term.label.label')),
      ),
      term.description ? h('p', null, term.description) : null,
      h(
        'dl',
        { className: 'facts' },
        CONTENT_LOCALES.flatMap((l) => [h('dt', { key: `${l}-t` }, languageName(l, locale)), h('dd', { key: `${l}-d` }, labels[l] || '—')]),
      ),
    );
  }

  return { GroupPreview, TermPreview };
}
