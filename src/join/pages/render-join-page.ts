/**
 * The join form and its thank-you page, as plain semantic HTML styled by the public site's
 * /assets/site.css. Every rule the form shows — which fields are required, their lengths, types,
 * year bounds and choices — is read from the join schema's JSON Schema (the one the OpenAPI
 * document publishes) and from the directory's taxonomies, never restated here.
 *
 * Accessibility: every control has a label, hints and errors are tied to it with
 * aria-describedby, errors are listed in a focusable summary whose links lead to the fields, and
 * groups of choices are fieldsets with legends. It works without JavaScript; join-page-script.ts
 * improves it.
 */
import { paths } from '../../schema/routes.ts';
import * as z from 'zod';
import { allCountryCodes, allLanguageCodes, countryName, languageName } from '../../schema/codes.ts';
import { joinRequestSchema, JOIN_LOCALES, type JoinLocale } from '../../schema/join.ts';
import { enumLabel } from '../../i18n/labels.ts';
import type { GeographicScope, Structure } from '../../schema/entry.ts';
import { CONTENT_LOCALES } from '../../schema/locales.ts';
import type { DuplicateMatch } from '../store/application-store.ts';
import type { JoinIndex } from '../intake/content-index.ts';
import { html, type Html, jsonForScript, type Interpolation as Part } from '../../text/html.ts';
import { JOIN_MESSAGES, problemText, type FormField } from './messages.ts';
import { HONEYPOT_FIELD } from '../submit-application.ts';
import type { FieldProblem } from '../intake/validate-request.ts';

/** The form's sections. Every field of the join request appears exactly once (a test checks it). */
export const SECTIONS = [
  {
    title: 'sectionGroup',
    fields: [
      'name',
      'short_name',
      'alternate_names',
      'website',
      'email',
      'social',
      'geographic_scope',
      'countries',
      'city',
      'structure',
      'languages',
      'founded',
    ],
  },
  { title: 'sectionWork', fields: ['summary', 'purpose', 'subjects', 'sectors'] },
  { title: 'sectionContact', fields: ['contact.name', 'contact.email', 'contact.role', 'contact.message'] },
  { title: 'sectionConsent', fields: ['consent'] },
] as const satisfies readonly { title: string; fields: readonly FormField[] }[];

interface Rules {
  type?: string;
  format?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  const?: unknown;
  properties?: Record<string, Rules>;
  required?: string[];
  items?: Rules;
}

export interface FormState {
  values: Record<string, unknown>;
  problems: readonly FieldProblem[];
  /** A message for the whole form (e.g. the service failed; nothing was saved). */
  banner?: string;
  duplicates?: readonly DuplicateMatch[];
}

/** The form's script (src/browser/join-form), bundled by the site build. */
export const JOIN_FORM_SCRIPT = '/assets/join-form.js';

export const joinPath = (locale: JoinLocale) => paths.join(locale);
export const thanksPath = (locale: JoinLocale) => paths.joinThanks(locale);
const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function valueAt(values: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), values);
}
const asText = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const asList = (v: unknown) => (Array.isArray(v) ? v.map(asText) : typeof v === 'string' ? [v] : []);

export function createJoinPageRenderer(index: JoinIndex) {
  const schema = z.toJSONSchema(joinRequestSchema, { io: 'input', unrepresentable: 'any' }) as Rules;
  const rulesOf = (field: string): { rules: Rules; required: boolean } => {
    const [head, child] = field.split('.') as [string, string | undefined];
    const top = schema.properties![head] ?? {};
    if (child === undefined) return { rules: top, required: schema.required!.includes(head) };
    return { rules: top.properties?.[child] ?? {}, required: (top.required ?? []).includes(child) };
  };
  const collators = Object.fromEntries(JOIN_LOCALES.map((l) => [l, new Intl.Collator(l)])) as Record<JoinLocale, Intl.Collator>;
  const byLabel = (locale: JoinLocale, options: { value: string; label: string }[]) => options.sort((a, b) => collators[locale].compare(a.label, b.label));
  const countryCodes = allCountryCodes();
  const languageCodes = allLanguageCodes();
  const options = Object.fromEntries(
    JOIN_LOCALES.map((locale) => [
      locale,
      {
        countries: byLabel(
          locale,
          countryCodes.map((c) => ({ value: c, label: countryName(c, locale) })),
        ),
        languages: byLabel(
          locale,
          languageCodes.map((c) => ({ value: c, label: languageName(c, locale) })),
        ),
        subjects: byLabel(
          locale,
          index.taxonomies.subjects.map((t) => ({ value: t.slug, label: t.label[locale] ?? t.label.en })),
        ),
        sectors: byLabel(
          locale,
          index.taxonomies.sectors.map((t) => ({ value: t.slug, label: t.label[locale] ?? t.label.en })),
        ),
        geographic_scope: (rulesOf('geographic_scope').rules.enum ?? []).map((v) => ({ value: v, label: enumLabel(locale, 'scope', v as GeographicScope) })),
        structure: (rulesOf('structure').rules.enum ?? []).map((v) => ({ value: v, label: enumLabel(locale, 'structure', v as Structure) })),
      },
    ]),
  ) as Record<JoinLocale, Record<'countries' | 'languages' | 'subjects' | 'sectors' | 'geographic_scope' | 'structure', { value: string; label: string }[]>>;

  /** The id the error summary links to for a problem's field. */
  const anchorOf = (field: string, locale: JoinLocale): string | undefined => {
    const head = field.split('.')[0]!;
    if (head === 'summary' || head === 'purpose') return fieldId(field.includes('.') ? field : `${field}.${locale}`);
    if (head === 'contact') return fieldId(field === 'contact' ? 'contact.name' : field);
    if (head in options[locale] && head !== 'countries' && head !== 'languages' && head !== 'structure') {
      const first = options[locale][head as keyof (typeof options)['en']][0];
      return first ? fieldId(`${head}-${first.value}`) : undefined;
    }
    return head in schema.properties! && head !== 'form_token' && head !== 'lang' ? fieldId(head) : undefined;
  };

  function renderField(field: FormField, locale: JoinLocale, state: FormState): Html {
    const m = JOIN_MESSAGES[locale];
    const { rules, required } = rulesOf(field);
    const text = m.fields[field];
    const id = fieldId(field);
    const problem = state.problems.find((p) => p.field === field || (p.field === 'contact' && field === 'contact.name'));
    const error = problem
      ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${m.errorPrefix}</span>${problemText(problem, locale)}</p>`
      : '';
    const describedBy = [text.hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const a11y = html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${problem ? html` aria-invalid="true"` : ''} data-error-anchor="${field}"`;
    const label = (forId: string, extra: Part = '') =>
      html`<label for="${forId}">${text.label}${required ? '' : html` <span class="optional">(${m.optional})</span>`}${extra}</label>`;
    const hint = (extra = '') => (text.hint || extra ? html`<p class="hint" id="${id}-hint">${[text.hint, extra].filter(Boolean).join(' ')}</p>` : '');
    const value = valueAt(state.values, field);
    const head = field as keyof (typeof options)['en'];

    if (field === 'summary' || field === 'purpose') {
      const perLocale = (l: string) => {
        const lid = fieldId(`${field}.${l}`);
        const lp = state.problems.find((p) => p.field === `${field}.${l}` || (p.field === field && l === locale));
        const lrules = rules.properties?.[l] ?? {};
        const lerror = lp
          ? html`<p class="field-error" id="${lid}-error"><span class="visually-hidden">${m.errorPrefix}</span>${problemText(lp, locale)}</p>`
          : '';
        const ldesc = [text.hint ? `${id}-hint` : '', lp ? `${lid}-error` : ''].filter(Boolean).join(' ');
        return html`<div class="field"><label for="${lid}">${text.label} (${m.inLanguage(languageName(l, locale))})</label>${lerror}
<textarea id="${lid}" name="${field}.${l}" lang="${l}" rows="${field === 'summary' ? 3 : 8}"${lrules.maxLength ? html` maxlength="${lrules.maxLength}"` : ''}${ldesc ? html` aria-describedby="${ldesc}"` : ''}${lp ? html` aria-invalid="true"` : ''} data-error-anchor="${l === locale ? field : `${field}.${l}`}">${asText(valueAt(state.values, `${field}.${l}`))}</textarea></div>`;
      };
      const others = CONTENT_LOCALES.filter((l) => l !== locale);
      const openOthers = others.some((l) => valueAt(state.values, `${field}.${l}`) !== undefined || state.problems.some((p) => p.field === `${field}.${l}`));
      return html`<fieldset class="field translated"><legend>${text.label}${required ? '' : html` <span class="optional">(${m.optional})</span>`}</legend>${hint()}
${perLocale(locale)}
<details${openOthers ? ' open' : ''}><summary>${m.textsOtherLanguages}</summary>${others.map(perLocale)}</details></fieldset>`;
    }
    if (field === 'geographic_scope' || field === 'subjects' || field === 'sectors') {
      const multiple = field !== 'geographic_scope';
      const chosen = asList(value);
      const choices = options[locale][head].map(
        (o, i) =>
          html`<div class="choice"><input type="${multiple ? 'checkbox' : 'radio'}" id="${fieldId(`${field}-${o.value}`)}" name="${field}" value="${o.value}"${chosen.includes(o.value) ? ' checked' : ''}${i === 0 ? a11y : ''}><label for="${fieldId(`${field}-${o.value}`)}">${o.label}</label></div>`,
      );
      return html`<fieldset class="field choices-field"${describedBy ? html` aria-describedby="${describedBy}"` : ''}><legend>${text.label}${required ? '' : html` <span class="optional">(${m.optional})</span>`}</legend>${hint()}${error}
<div class="choices">${choices}</div></fieldset>`;
    }
    if (field === 'countries' || field === 'languages' || field === 'structure') {
      const multiple = field !== 'structure';
      const chosen = asList(value);
      const opts = options[locale][head].map((o) => html`<option value="${o.value}"${chosen.includes(o.value) ? ' selected' : ''}>${o.label}</option>`);
      return html`<div class="field">${label(id)}${hint(multiple ? m.multiSelectHint : '')}${error}
<select id="${id}" name="${field}"${multiple ? html` multiple size="8"` : ''}${required ? ' required' : ''}${a11y}>${multiple ? '' : html`<option value="">${m.noChoice}</option>`}${opts}</select></div>`;
    }
    if (field === 'consent') {
      return html`<div class="field checkbox">${error}<input type="checkbox" id="${id}" name="consent" value="true"${value === true ? ' checked' : ''} required${a11y}>${label(id)}</div>`;
    }
    if (rules.type === 'array' || field === 'contact.message') {
      const list = rules.type === 'array';
      const shown = list ? asList(value).join('\n') : asText(value);
      return html`<div class="field">${label(id)}${hint(list ? m.listHint : '')}${error}
<textarea id="${id}" name="${field}" rows="${list ? 3 : 6}"${rules.maxLength ? html` maxlength="${rules.maxLength}"` : ''}${required ? ' required' : ''}${a11y}>${shown}</textarea></div>`;
    }
    const type = rules.type === 'integer' ? 'number' : rules.format === 'uri' ? 'url' : rules.format === 'email' ? 'email' : 'text';
    const autocomplete: Partial<Record<FormField, string>> = {
      name: 'organization',
      website: 'url',
      email: 'off',
      city: 'address-level2',
      'contact.name': 'name',
      'contact.email': 'email',
      'contact.role': 'organization-title',
    };
    return html`<div class="field">${label(id)}${hint()}${error}
<input type="${type}" id="${id}" name="${field}" value="${asText(value)}"${rules.maxLength ? html` maxlength="${rules.maxLength}"` : ''}${rules.minimum !== undefined ? html` min="${rules.minimum}"` : ''}${rules.maximum !== undefined ? html` max="${rules.maximum}"` : ''}${type === 'number' ? ' step="1" inputmode="numeric"' : ''}${autocomplete[field] ? html` autocomplete="${autocomplete[field]}"` : ''}${required ? ' required' : ''}${a11y}></div>`;
  }

  function shell(
    locale: JoinLocale,
    title: string,
    main: Html,
    nonce: string,
    alternate: (l: JoinLocale) => string,
    withScript = false,
    joinIsCurrent = true,
  ): string {
    const m = JOIN_MESSAGES[locale];
    const other = JOIN_LOCALES.filter((l) => l !== locale);
    return html`<!doctype html>
<html lang="${m.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · ${m.siteName}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<a class="skip-link" href="#main">${m.skipToContent}</a>
<header class="site-header"><div class="container site-header-inner">
<p class="site-name"><a href="${paths.home(locale)}">${m.siteName}</a></p>
<nav class="site-nav" aria-label="${m.mainNav}"><ul><li><a href="${paths.home(locale)}">${m.navDirectory}</a></li><li><a href="${joinPath(locale)}"${joinIsCurrent ? html` aria-current="page"` : ''}>${m.navJoin}</a></li></ul></nav>
<nav class="language-switch" aria-label="${m.otherLanguages}"><ul>${other.map((l) => html`<li><a href="${alternate(l)}" hreflang="${l}" lang="${l}">${JOIN_MESSAGES[l].languageName}</a></li>`)}</ul></nav>
</div></header>
<main id="main" class="container join" tabindex="-1">
${main}
</main>
${withScript ? html`<script nonce="${nonce}" src="${JOIN_FORM_SCRIPT}" defer></script>` : ''}
</body>
</html>
`.value;
  }

  function duplicateNotice(locale: JoinLocale, matches: readonly DuplicateMatch[]): Html {
    const m = JOIN_MESSAGES[locale];
    const items = matches.map((d) =>
      d.kind === 'entry'
        ? html`<li><a href="${paths.entry(locale, d.slug ?? '')}">${m.duplicateEntry(d.name ?? '')}</a> (${d.value})</li>`
        : html`<li>${(d.accepted ? m.duplicateAccepted : m.duplicateApplication)((d.received_at ?? '').slice(0, 10))} (${d.value})</li>`,
    );
    return html`<div class="notice" role="alert" aria-labelledby="duplicate-title"><h2 id="duplicate-title">${m.duplicateTitle}</h2><p>${m.duplicateIntro}</p><ul>${items}</ul></div>`;
  }

  /** The focusable list of every problem, each linking to its field; `labels` adds fields the join form does not have. */
  function errorSummary(locale: JoinLocale, state: FormState, labels: Record<string, string> = {}): Html | '' {
    const m = JOIN_MESSAGES[locale];
    const problems = state.problems;
    if (problems.length === 0 && !state.banner) return '';
    return html`<div id="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title"><h2 id="error-summary-title">${m.errorSummaryTitle}</h2>${state.banner ? html`<p>${state.banner}</p>` : ''}
<ul>${problems.map((p) => {
      const anchor = labels[p.field] !== undefined ? fieldId(p.field) : anchorOf(p.field, locale);
      const name =
        labels[p.field] ??
        (m.fields as Record<string, { label: string }>)[
          p.field.split('.')[0] === 'contact' ? (p.field === 'contact' ? 'contact.name' : p.field) : p.field.split('.')[0]!
        ]?.label;
      const textOf = html`${name ? `${name}: ` : ''}${problemText(p, locale)}`;
      return html`<li>${anchor ? html`<a href="#${anchor}">${textOf}</a>` : textOf}</li>`;
    })}</ul></div>`;
  }

  return {
    /** The pieces another intake's form (the correction form) is built from. */
    parts: { renderField, shell, errorSummary, fieldId },
    renderForm(locale: JoinLocale, token: string, nonce: string, state: FormState = { values: {}, problems: [] }): string {
      const m = JOIN_MESSAGES[locale];
      const problems = state.problems;
      const summary = errorSummary(locale, state);
      const confirm = html`<div id="confirm-distinct" class="field checkbox"${state.duplicates?.length ? '' : ' hidden'}><input type="checkbox" id="f-confirm_distinct" name="confirm_distinct" value="true"><label for="f-confirm_distinct">${m.confirmDistinct}</label></div>`;
      const labels = Object.fromEntries(Object.entries(m.fields).map(([k, v]) => [k, v.label]));
      const main = html`<h1>${m.pageTitle}</h1>
<p>${m.intro}</p>
<p>${m.introPrivacy}</p>
${summary}${state.duplicates?.length ? duplicateNotice(locale, state.duplicates) : ''}
<form id="join-form" method="post" action="/api/v1/join" accept-charset="UTF-8">
<input type="hidden" name="form_token" value="${token}">
<input type="hidden" name="lang" value="${locale}">
<div class="visually-hidden" hidden><label for="f-${HONEYPOT_FIELD}">${m.honeypotLabel}</label><input type="text" id="f-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off"></div>
${SECTIONS.map(
  (s) => html`<section aria-labelledby="${s.title}"><h2 id="${s.title}">${m[s.title]}</h2>${s.title === 'sectionContact' ? html`<p>${m.contactNote}</p>` : ''}
${s.fields.map((f) => renderField(f, locale, state))}</section>
`,
)}${confirm}
<p><button type="submit">${m.submit}</button></p>
<p id="join-status" role="status" aria-live="polite"></p>
</form>
<script type="application/json" id="join-text">${jsonForScript({ errorSummaryTitle: m.errorSummaryTitle, errorPrefix: m.errorPrefix, sending: m.sending, network: m.answers.network, thanksPath: thanksPath(locale), labels, answers: { 413: m.answers.tooLarge, 429: m.answers.rateLimited, 503: m.answers.unavailable }, countryPicker: m.countryPicker })}</script>`;
      const title = `${problems.length > 0 || state.banner ? m.errorPrefix : ''}${m.pageTitle}`;
      return shell(locale, title, main, nonce, joinPath, true);
    },

    renderThanks(locale: JoinLocale, status: { reference: string; state: keyof (typeof JOIN_MESSAGES)['en']['states'] } | undefined, nonce: string): string {
      const m = JOIN_MESSAGES[locale];
      if (!status) {
        const main = html`<h1>${m.unknownReferenceTitle}</h1><p>${m.unknownReference}</p><p><a href="${joinPath(locale)}">${m.backToForm}</a></p>`;
        return shell(locale, m.unknownReferenceTitle, main, nonce, joinPath);
      }
      const main = html`<h1>${m.thanksTitle}</h1>
<p>${m.referenceLabel}: <strong class="reference">${status.reference}</strong></p>
<p>${m.keepReference}</p>
<p class="state">${m.states[status.state]}</p>
<p>${m.nextSteps}</p>
<p><a href="/api/v1/join/${status.reference}">${m.statusLink}</a></p>`;
      return shell(locale, m.thanksTitle, main, nonce, (l) => `${thanksPath(l)}?reference=${status.reference}`);
    },
  };
}

export type JoinPageRenderer = ReturnType<typeof createJoinPageRenderer>;
