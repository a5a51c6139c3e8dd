/**
 * The CMS configuration in an editor's language. buildCmsConfig derives the fields from the schema
 * (English, as the schema's `.meta()` says them); this walks the result and puts every collection
 * name, field label, hint, option label and pattern message through the catalogues (`cms.*`,
 * `enum.*`, `problem.*`), with country and language names from `Intl.DisplayNames`. Decap's own
 * interface (buttons, menus) comes from its bundled locales: `locale` selects it.
 * https://decapcms.org/docs/configuration-options/#locale
 */
import { optional, t, type Locale } from '../i18n/index.ts';
import { enumLabel } from '../i18n/labels.ts';
import { countryName, isCountryCode, languageName } from '../schema/codes.ts';
import { SLUG_PATTERN, SUMMARY_MAX } from '../schema/entry.ts';
import { ENUM_FIELDS } from './cms-config.ts';
import type { DecapCollection, DecapConfig, DecapField, SelectOption } from './decap-config-types.ts';

const MAX_LENGTH_PATTERN = /^\^\[\\s\\S\]\{0,(\d+)\}\$$/;

function patternMessage(locale: Locale, pattern: string, english: string): string {
  if (pattern === SLUG_PATTERN.source) return t(locale, 'problem.slug');
  const max = MAX_LENGTH_PATTERN.exec(pattern);
  return max ? t(locale, 'problem.tooLong', { max: Number(max[1]) }) : english;
}

function options(locale: Locale, field: DecapField, path: string): SelectOption[] | undefined {
  if (!field.options) return undefined;
  const kind = ENUM_FIELDS[path];
  if (kind) return field.options.map((o) => ({ value: o.value, label: enumLabel(locale, kind, o.value as never) }));
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const named = field.options.map((o) => ({
    value: o.value,
    label: isCountryCode(o.value) && path === 'countries' ? countryName(o.value, locale) : languageName(o.value, locale),
  }));
  return named.sort((a, b) => collator.compare(a.label, b.label));
}

function localiseField(locale: Locale, field: DecapField, scope: 'field' | 'term', path: string): DecapField {
  const out: DecapField = { ...field };
  const label = optional(locale, `cms.${scope}.${path}.label`);
  const hint = optional(locale, `cms.${scope}.${path}.hint`, { max: SUMMARY_MAX });
  if (label) out.label = label;
  if (hint) out.hint = hint;
  if (scope === 'term' && path.startsWith('label.')) out.label = languageName(field.name, locale);
  if (field.pattern) out.pattern = [field.pattern[0], patternMessage(locale, field.pattern[0], field.pattern[1])];
  const opts = options(locale, field, path);
  if (opts) out.options = opts;
  if (field.fields) out.fields = field.fields.map((f) => localiseField(locale, f, scope, `${path}.${f.name}`));
  if (field.field) out.field = { ...localiseField(locale, field.field, scope, path), label: out.label };
  if (field.display_fields) out.display_fields = field.display_fields.map((d) => (/^label\.[a-z]+$/.test(d) ? `label.${locale}` : d));
  return out;
}

function localiseCollection(locale: Locale, collection: DecapCollection): DecapCollection {
  const name = collection.name as 'groups' | 'subjects' | 'sectors';
  const scope = name === 'groups' ? 'field' : 'term';
  return {
    ...collection,
    label: t(locale, `cms.${name}.label`),
    label_singular: t(locale, `cms.${name}.singular`),
    description: t(locale, `cms.${name}.description`),
    ...(scope === 'term' ? { summary: `{{label.${locale}}}` } : {}),
    fields: collection.fields.map((f) => localiseField(locale, f, scope, f.name === 'body' ? 'purpose' : f.name)),
  };
}

export function localiseCmsConfig(config: DecapConfig, locale: Locale): DecapConfig {
  return { ...config, locale, collections: config.collections.map((c) => localiseCollection(locale, c)) };
}
