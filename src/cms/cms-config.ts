/**
 * The Decap CMS configuration, derived from the one schema: which fields an entry has, their
 * labels and hints, which are required, the options of every select, the patterns a value must
 * match (with the schema's own message), which fields are translated, and how the file is laid
 * out. Nothing here lists a field, a country or an option by hand; `test/cms/` checks that the
 * result still agrees with the schema and passes Decap's own config validation.
 *
 * Pure: `scripts/build-admin.ts` calls it at build time and hands the result to `CMS.init`.
 */
import { GROUPS, TAXONOMY_COLLECTIONS } from '../schema/collections.ts';
import { allCountryCodes, allLanguageCodes, countryName, languageName } from '../schema/codes.ts';
import { countryCodeSchema, entryFields, languageCodeSchema, TRANSLATABLE_FIELDS } from '../schema/entry.ts';
import { enumLabel, type EnumKind } from '../i18n/labels.ts';
import { CONTENT_LOCALES, DEFAULT_LOCALE, REQUIRED_LABEL_LOCALES } from '../schema/locales.ts';
import { TAXONOMIES, taxonomyTermSchema, type TaxonomyName } from '../schema/taxonomy.ts';
import type { DecapCollection, DecapConfig, DecapField, SelectOption } from './decap-config-types.ts';
import { translatedFileKeys, type TranslatableField } from './file-layout.ts';
import { defOf, jsonRulesOf, labelsOf, textRuleOf, unwrapOptional, type AnySchema } from './zod-fields.ts';

export interface CmsBackendSettings {
  /** owner/name of the GitHub repository editors commit to; see docs/deploying-cms.md. */
  repo?: string;
  /** The branch the site is built from, where published entries land. */
  branch: string;
  /** decap-server's API, used instead of GitHub when /admin is opened on localhost. */
  localBackendUrl?: string;
  /** Public address of the site, for "view live" links. */
  siteUrl?: string;
}

/** The enumeration each enum field of the entry holds, for its options' labels. */
export const ENUM_FIELDS: Record<string, EnumKind> = { geographic_scope: 'scope', network_relation: 'relation', structure: 'structure' };

/** Strings longer than this get a multi-line box. */
const MULTILINE_FROM = 200;

const collator = new Intl.Collator(DEFAULT_LOCALE, { sensitivity: 'base' });

function byLabel(a: SelectOption, b: SelectOption): number {
  return collator.compare(a.label, b.label);
}

export function countryOptions(): SelectOption[] {
  return allCountryCodes()
    .map((code) => ({ label: countryName(code, DEFAULT_LOCALE), value: code }))
    .sort(byLabel);
}

export function languageOptions(): SelectOption[] {
  return allLanguageCodes()
    .map((code) => ({ label: languageName(code, DEFAULT_LOCALE), value: code }))
    .sort(byLabel);
}

function humanize(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function enumOptions(field: string, values: readonly string[]): SelectOption[] {
  const kind = ENUM_FIELDS[field];
  if (!kind) throw new Error(`the enum field "${field}" has no labels: add it to ENUM_FIELDS and its values to the catalogues (enum.*)`);
  return values.map((value) => ({ label: enumLabel(DEFAULT_LOCALE, kind, value as never), value }));
}

function relationTo(
  taxonomy: TaxonomyName,
): Pick<DecapField, 'widget' | 'collection' | 'value_field' | 'search_fields' | 'display_fields' | 'multiple' | 'options_length'> {
  return {
    widget: 'relation',
    collection: taxonomy,
    value_field: 'slug',
    search_fields: [...REQUIRED_LABEL_LOCALES.map((l) => `label.${l}`), 'slug'],
    display_fields: [`label.${DEFAULT_LOCALE}`],
    multiple: true,
    options_length: 1000,
  };
}

/** One schema field → one Decap field. `label`/`hint` default to the schema's `.meta()`. */
export function fieldFor(name: string, schema: AnySchema, over: Partial<DecapField> = {}): DecapField {
  const { inner, optional } = unwrapOptional(schema);
  const { title, description } = labelsOf(schema);
  const base: DecapField = { name, label: title ?? humanize(name), widget: 'string', required: !optional };
  if (description) base.hint = description;
  const def = defOf(inner);

  switch (def.type) {
    case 'enum':
      return { ...base, widget: 'select', options: enumOptions(name, (inner as unknown as { options: string[] }).options), ...over };
    case 'number': {
      const rules = jsonRulesOf(inner);
      return {
        ...base,
        widget: 'number',
        value_type: def.format?.includes('int') ? 'int' : 'float',
        ...(rules.minimum !== undefined ? { min: rules.minimum } : {}),
        ...(rules.maximum !== undefined ? { max: rules.maximum } : {}),
        step: 1,
        ...over,
      };
    }
    case 'string': {
      if (def.format === 'date') {
        // Stored as the text YYYY-MM-DD, which YAML 1.2 (the content build's parser) reads as a string.
        // No '{{now}}' default: Decap also mounts the field, hidden, in the other languages' pane,
        // where a default would write the date into every language block (which the build refuses).
        // Editors click the widget's "Now" button.
        return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, ...over };
      }
      const rule = textRuleOf(inner);
      const long = (jsonRulesOf(inner).maxLength ?? 0) > MULTILINE_FROM;
      return { ...base, widget: long ? 'text' : 'string', ...(rule ? { pattern: [rule.pattern, rule.message] } : {}), ...over };
    }
    case 'array': {
      const element = def.element!;
      if (element === countryCodeSchema) return { ...base, widget: 'select', multiple: true, options: countryOptions(), ...over };
      if (element === languageCodeSchema) return { ...base, widget: 'select', multiple: true, options: languageOptions(), ...over };
      if ((TAXONOMIES as readonly string[]).includes(name)) return { ...base, ...relationTo(name as TaxonomyName), ...over };
      if (defOf(element).type === 'object') {
        const fields = objectFields(element);
        const summary = fields.map((f) => `{{fields.${f.name}}}`).join(' ');
        return { ...base, widget: 'list', collapsed: false, summary, fields, ...over };
      }
      // A list of plain values: Decap stores the item field's values as a YAML list.
      const item = fieldFor('item', element, { label: labelsOf(element).title ?? base.label, required: true });
      delete item.hint;
      return { ...base, widget: 'list', field: item, ...over };
    }
    case 'object':
      return { ...base, widget: 'object', collapsed: false, fields: objectFields(inner), ...over };
    default:
      throw new Error(`no CMS widget for the schema type "${def.type}" of field "${name}"`);
  }
}

function objectFields(schema: AnySchema): DecapField[] {
  const shape = (unwrapOptional(schema).inner as unknown as { shape: Record<string, AnySchema> }).shape;
  return Object.entries(shape).map(([key, value]) => fieldFor(key, value));
}

/**
 * A translatable field: one text per language, each optional on its own (the schema's "at least
 * one language" rule spans languages, so the check before saving enforces it). Stored under the
 * key the file format uses; `body` is Decap's Markdown body.
 */
function translatedField(field: TranslatableField, fileKey: string): DecapField {
  const schema = entryFields[field];
  const { title, description } = labelsOf(schema);
  const perLocale = (unwrapOptional(schema).inner as unknown as { shape: Record<string, AnySchema> }).shape[DEFAULT_LOCALE];
  if (!perLocale) throw new Error(`"${field}" has no text for the default locale ${DEFAULT_LOCALE}`);
  const over: Partial<DecapField> = { label: title ?? humanize(field), i18n: true };
  if (description) over.hint = description;
  const text = fieldFor(fileKey, perLocale, over);
  if (fileKey !== 'body') return text;
  return {
    ...text,
    widget: 'markdown',
    // The public site renders Markdown without raw HTML or images (src/content/render-markdown.ts).
    buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'],
    editor_components: [],
    modes: ['rich_text', 'raw'],
  };
}

export function groupFields(): DecapField[] {
  const fileKeys = translatedFileKeys();
  return Object.entries(entryFields).map(([name, schema]) =>
    (TRANSLATABLE_FIELDS as readonly string[]).includes(name)
      ? translatedField(name as TranslatableField, fileKeys[name as TranslatableField])
      : fieldFor(name, schema),
  );
}

export function termFields(): DecapField[] {
  return objectFields(taxonomyTermSchema).map((field) =>
    field.name === 'label' && field.fields ? { ...field, fields: field.fields.map((f) => ({ ...f, label: languageName(f.name, DEFAULT_LOCALE) })) } : field,
  );
}

function groupsCollection(): DecapCollection {
  return {
    name: GROUPS.name,
    label: 'Groups',
    label_singular: 'Group',
    description:
      'One entry per trade union or network. Saving keeps a draft; an entry appears on the public site only after it is published from the Workflow tab.',
    folder: GROUPS.folder,
    extension: GROUPS.extension,
    format: GROUPS.format,
    create: true,
    slug: '{{fields.slug}}',
    identifier_field: 'name',
    summary: '{{name}}',
    sortable_fields: ['name', 'updated'],
    i18n: true,
    fields: groupFields(),
  };
}

function taxonomyCollection(taxonomy: TaxonomyName): DecapCollection {
  const label = labelsOf(entryFields[taxonomy]).title ?? humanize(taxonomy);
  return {
    name: TAXONOMY_COLLECTIONS[taxonomy].name,
    label,
    label_singular: label.replace(/s$/, ''),
    description: `The list groups pick their ${label.toLowerCase()} from. A term cannot be deleted here, because groups may use it.`,
    folder: TAXONOMY_COLLECTIONS[taxonomy].folder,
    extension: TAXONOMY_COLLECTIONS[taxonomy].extension,
    format: TAXONOMY_COLLECTIONS[taxonomy].format,
    create: true,
    delete: false,
    slug: '{{fields.slug}}',
    identifier_field: 'slug',
    summary: `{{label.${DEFAULT_LOCALE}}}`,
    sortable_fields: ['slug', 'order'],
    fields: termFields(),
  };
}

export function buildCmsConfig({ backend }: { backend: CmsBackendSettings }): DecapConfig {
  const config: DecapConfig = {
    load_config_file: false,
    backend: { name: 'github', branch: backend.branch, ...(backend.repo ? { repo: backend.repo } : {}) },
    publish_mode: 'editorial_workflow',
    // Required by Decap; no field of the schema takes a file, so nothing is ever stored here.
    media_folder: 'content/uploads',
    public_folder: '/uploads',
    i18n: { structure: 'single_file', locales: [...CONTENT_LOCALES], default_locale: DEFAULT_LOCALE },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [groupsCollection(), ...TAXONOMIES.map(taxonomyCollection)],
  };
  if (backend.localBackendUrl) config.local_backend = { url: backend.localBackendUrl };
  if (backend.siteUrl) {
    config.site_url = backend.siteUrl;
    config.display_url = backend.siteUrl;
  }
  return config;
}
