/**
 * Validation problems in a person's language, chosen by the problem's code and details — never by
 * reading the English text. A zod issue becomes a `Problem` (code + details) with `problemOf`; the
 * join, the API's parameters and the listing page then say it with `problemText`.
 *
 * Schema rules that zod reports only as `custom` carry their own code in the refinement's
 * `params.problem` (src/schema/entry.ts), so they can be told apart too.
 */
import type * as z from 'zod';
import { SLUG_PATTERN } from '../schema/entry-values.ts';
import { t, type Locale } from './index.ts';

export interface ProblemDetail {
  /** 1-based position in a list field. */
  item?: number;
  origin?: string;
  minimum?: number;
  maximum?: number;
  values?: string[];
  /** A taxonomy term, or the value a code check refused. */
  term?: string;
  value?: string;
  expected?: string;
  format?: string;
  pattern?: string;
  /** `params.problem` of a custom refinement. */
  rule?: string;
  /** The value was not given at all. */
  missing?: boolean;
}

export interface Problem {
  /** zod's issue code, or our own (`unknown_term`, `unknown_field`, `unknown_parameter`, `token_*`, `honeypot`, …). */
  code: string;
  detail?: ProblemDetail;
}

const TYPES = new Set(['string', 'number', 'boolean', 'array', 'object']);
const WHOLE_NUMBER = /^\/\^\\d\{1,\d+\}\$\/$/;
const SLUG = `/${SLUG_PATTERN.source}/`;

/** The code and details of a zod issue (its position in a list is the caller's to add). */
export function problemOf(issue: z.core.$ZodIssue): Problem {
  const detail: ProblemDetail = {};
  const input = (issue as { input?: unknown }).input;
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) detail.missing = true;
  switch (issue.code) {
    case 'too_small':
      detail.origin = String(issue.origin);
      if (typeof issue.minimum === 'number') detail.minimum = issue.minimum;
      break;
    case 'too_big':
      detail.origin = String(issue.origin);
      if (typeof issue.maximum === 'number') detail.maximum = issue.maximum;
      break;
    case 'invalid_value':
      detail.values = issue.values.map(String);
      break;
    case 'invalid_type':
      detail.expected = String(issue.expected);
      break;
    case 'invalid_format':
      detail.format = issue.format;
      if (issue.pattern) detail.pattern = issue.pattern;
      break;
    case 'custom': {
      const rule = issue.params?.problem;
      if (typeof rule === 'string') detail.rule = rule;
      if (typeof input === 'string') detail.value = input.slice(0, 60);
      break;
    }
  }
  return { code: issue.code, ...(Object.keys(detail).length > 0 ? { detail } : {}) };
}

/** The message for one problem of one field (`field` decides the few words that depend on it, such as a year). */
export function problemText(locale: Locale, problem: Problem, field = ''): string {
  const text = bareText(locale, problem, field);
  const item = problem.detail?.item;
  return item !== undefined ? t(locale, 'problem.item', { n: item, message: text }) : text;
}

function bareText(locale: Locale, { code, detail = {} }: Problem, field: string): string {
  const year = field === 'founded';
  if (detail.missing) return field === 'consent' ? t(locale, 'problem.consent') : t(locale, 'problem.required');
  switch (code) {
    case 'required':
      return t(locale, 'problem.required');
    case 'invalid_type':
      if (year) return t(locale, 'problem.wholeYear');
      return detail.expected && TYPES.has(detail.expected) ? t(locale, `problem.type.${detail.expected as 'string'}`) : t(locale, 'problem.invalid');
    case 'too_small':
      if (detail.origin === 'string') return (detail.minimum ?? 1) <= 1 ? t(locale, 'problem.empty') : t(locale, 'problem.tooShort', { min: detail.minimum! });
      if (detail.origin === 'number') return t(locale, year ? 'problem.yearMin' : 'problem.numberMin', { min: detail.minimum ?? 0 });
      return t(locale, 'problem.required');
    case 'too_big':
      if (detail.origin === 'string') return t(locale, 'problem.tooLong', { max: detail.maximum ?? 0 });
      if (detail.origin === 'number') return t(locale, year ? 'problem.yearMax' : 'problem.numberMax', { max: detail.maximum ?? 0 });
      return t(locale, 'problem.tooManyValues', { max: detail.maximum ?? 0 });
    case 'invalid_format':
      if (detail.format === 'url') return t(locale, 'problem.url');
      if (detail.format === 'email') return t(locale, 'problem.email');
      if (detail.format === 'date') return t(locale, 'problem.date');
      if (detail.pattern === SLUG) return t(locale, 'problem.slug');
      if (detail.pattern && WHOLE_NUMBER.test(detail.pattern)) return t(locale, 'problem.wholeNumber');
      return t(locale, 'problem.invalid');
    case 'invalid_value':
      return field === 'consent' ? t(locale, 'problem.consent') : t(locale, 'problem.oneOf', { values: (detail.values ?? []).join(', ') });
    case 'custom':
      switch (detail.rule) {
        case 'unique':
          return t(locale, 'problem.unique');
        case 'one_language':
          return t(locale, 'problem.oneLanguage');
        case 'country_code':
          return t(locale, 'problem.countryCode', { value: detail.value ?? '' });
        case 'language_code':
          return t(locale, 'problem.languageCode', { value: detail.value ?? '' });
        case 'date_order':
          return t(locale, 'problem.dateOrder');
        case 'address_or_title':
          return t(locale, 'problem.addressOrTitle');
        default:
          return t(locale, 'problem.invalid');
      }
    case 'unknown_term':
      return t(locale, field === 'sectors' ? 'problem.unknownTerm.sectors' : 'problem.unknownTerm.subjects', { term: detail.term ?? '' });
    case 'unknown_terms':
      return t(locale, field === 'sector' ? 'problem.unknownSector' : 'problem.unknownSubject', { terms: (detail.values ?? []).join(', ') });
    case 'unknown_field':
      return t(locale, 'problem.unknownField');
    case 'unknown_parameter':
      return t(locale, 'problem.unknownParameter');
    case 'parameter_twice':
      return t(locale, 'problem.parameterTwice', { name: field });
    case 'not_for_files':
      return t(locale, 'problem.notForFiles');
    case 'honeypot':
      return t(locale, 'problem.honeypot');
    case 'sent_twice':
      return t(locale, 'problem.sentTwice');
    case 'no_change':
      return t(locale, 'problem.noChange');
    case 'editorial_field':
      return t(locale, 'problem.editorialField');
    case 'source_required':
      return t(locale, 'problem.sourceRequired');
    case 'token_malformed':
    case 'token_forged':
    case 'token_expired':
    case 'token_too_fast':
      return t(locale, `problem.token.${code.slice('token_'.length) as 'malformed'}`);
    default:
      return t(locale, 'problem.invalid');
  }
}
