/**
 * The CMS preview shows a group the way the public directory does: readable country and language
 * names, subject labels, enum labels, the purpose through the site's Markdown renderer, and the
 * related groups the engine would rank for it — each with its subject headings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { previewModel } from '../../src/cms/preview-model.ts';
import { buildContent } from '../../src/content/write-artefact.ts';
import { createMarkdownRenderer } from '../../src/content/render-markdown.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import { relatedDocs } from '../../src/engine/related.ts';
import type { Artefact } from '../../src/engine/artefact.ts';
import { countryName } from '../../src/schema/codes.ts';
import { enumLabel } from '../../src/i18n/labels.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
let artefact: Artefact;

beforeAll(async () => {
  const out = await mkdtemp(join(tmpdir(), 'preview-artefact-'));
  const result = await buildContent(ROOT, out);
  await rm(out, { recursive: true, force: true });
  if (!result.ok) throw new Error(result.messages.join('\n'));
  artefact = result.artefact;
});

const renderMarkdown = createMarkdownRenderer();

describe('the group preview', () => {
  it('shows names for codes and labels for slugs and enum values', () => {
    const model = previewModel({
      draft: {
        slug: 'new-union',
        name: 'New Union',
        countries: ['FR', 'DE'],
        languages: ['fr'],
        subjects: ['labour-rights'],
        network_relation: 'observer',
        summary: { fr: 'Un syndicat.' },
        purpose: { en: 'We **organise**. <script>x</script>' },
      },
      published: artefact.entries,
      taxonomies: artefact.taxonomies,
      renderMarkdown,
    });
    expect(model.countries).toEqual([countryName('FR'), countryName('DE')]);
    expect(model.countries).toEqual(['France', 'Germany']);
    expect(model.languages).toEqual(['French']);
    expect(model.subjects).toEqual([artefact.taxonomies.subjects.find((t) => t.slug === 'labour-rights')!.label.en]);
    expect(model.facts).toContainEqual({ label: 'Relation to the network', value: enumLabel('en', 'relation', 'observer') });
    expect(model.summary).toEqual({ text: 'Un syndicat.', lang: 'fr' });
    expect(model.purposeHtml).toContain('<strong>organise</strong>');
    expect(model.purposeHtml).not.toContain('<script>');

    // In the editor's language: the facts' labels, the names, and the entry's own text in that language.
    const german = previewModel({
      draft: {
        slug: 'neu',
        name: 'Neu',
        countries: ['FR'],
        network_relation: 'observer',
        founded: 1995,
        summary: { en: 'A union.', de: 'Eine Gewerkschaft.' },
      },
      published: [],
      taxonomies: artefact.taxonomies,
      renderMarkdown,
      locale: 'de',
    });
    expect(german.facts).toEqual([
      { label: 'Beziehung zum Netzwerk', value: enumLabel('de', 'relation', 'observer') },
      { label: 'Gegründet', value: '1995' },
    ]);
    expect(german.countries).toEqual(['Frankreich']);
    expect(german.summary).toEqual({ text: 'Eine Gewerkschaft.', lang: 'de' });
  });

  it('lists the related groups the engine ranks for a published group, with their subject labels', () => {
    const dir = createDirectory(artefact);
    const doc = dir.findSlug('solidaires');
    const expected = relatedDocs(dir, doc).map((d) => artefact.entries[d]!.slug);
    expect(expected.length).toBeGreaterThan(0);
    const model = previewModel({ draft: artefact.entries[doc]!, published: artefact.entries, taxonomies: artefact.taxonomies, renderMarkdown });
    expect(model.related.map((r) => r.slug)).toEqual(expected);
    const first = artefact.entries.find((e) => e.slug === expected[0])!;
    const labels = new Map(artefact.taxonomies.subjects.map((t) => [t.slug, t.label.en]));
    expect(model.related[0]!.subjects).toEqual((first.subjects ?? []).map((s) => labels.get(s)));
    expect(model.related.map((r) => r.slug)).not.toContain('solidaires');
  });

  it('copes with a draft that is still being typed', () => {
    const model = previewModel({ draft: {}, published: [], taxonomies: { subjects: [], sectors: [] }, renderMarkdown });
    expect(model).toMatchObject({ name: '', countries: [], related: [] });
  });
});
