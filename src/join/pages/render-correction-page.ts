/**
 * The correction form of an entry (`/groups/<slug>/correction`, `/fr/…`) and its thank-you page:
 * the join form's own fields, labels, rules, error summary and page shell (render-join-page.ts),
 * prefilled with the entry's public fields, plus the correction's own questions (a source, whether
 * the person speaks for the group, a note about the relation to the network). It works without
 * JavaScript; the join form's enhancement script (same ids) improves it.
 */
import { HONEYPOT_FIELD } from '../intake/take-in.ts';
import type { Entry } from '../../schema/entry.ts';
import { localePrefix, paths } from '../../schema/routes.ts';
import { JOIN_LOCALES, type JoinLocale, type JoinState } from '../../schema/join.ts';
import { html, type Html, jsonForScript } from '../../text/html.ts';
import { publicFieldsOf } from '../intake/correction-changes.ts';
import { CORRECTION_MESSAGES, JOIN_MESSAGES, problemText } from './messages.ts';
import { SECTIONS, type FormState, type JoinPageRenderer } from './render-join-page.ts';

const prefix = (locale: JoinLocale) => localePrefix(locale);
export const entryPath = (locale: JoinLocale, slug: string) => paths.entry(locale, slug);
export const correctionPath = (locale: JoinLocale, slug: string) => paths.correction(locale, slug);
export const correctionThanksPath = (locale: JoinLocale, slug: string) => paths.correctionThanks(locale, slug);
export const correctionApiPath = (slug: string) => paths.correctionApi(slug);

/** Lists a person may empty entirely: a hidden empty value makes "none chosen" a value sent (a removal). */
const LIST_CHOICES = ['countries', 'languages', 'subjects', 'sectors'] as const;

export function createCorrectionPageRenderer(join: JoinPageRenderer) {
  const { renderField, shell, errorSummary, fieldId } = join.parts;

  function ownField(name: 'source_url' | 'relation_claim', locale: JoinLocale, state: FormState): Html {
    const c = CORRECTION_MESSAGES[locale];
    const m = JOIN_MESSAGES[locale];
    const text = c[name === 'source_url' ? 'sourceUrl' : 'relationClaim'];
    const id = fieldId(name);
    const problem = state.problems.find((p) => p.field === name);
    const value = typeof state.values[name] === 'string' ? (state.values[name] as string) : '';
    const described = [`${id}-hint`, problem ? `${id}-error` : ''].filter(Boolean).join(' ');
    const error = problem
      ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${m.errorPrefix}</span>${problemText(problem, locale)}</p>`
      : '';
    const attrs = html` id="${id}" name="${name}" aria-describedby="${described}"${problem ? html` aria-invalid="true"` : ''} data-error-anchor="${name}"`;
    const control =
      name === 'source_url'
        ? html`<input type="url"${attrs} value="${value}" maxlength="2000">`
        : html`<textarea${attrs} rows="3" maxlength="500">${value}</textarea>`;
    return html`<div class="field"><label for="${id}">${text.label} <span class="optional">(${m.optional})</span></label><p class="hint" id="${id}-hint">${text.hint}</p>${error}
${control}</div>`;
  }

  function speaksField(locale: JoinLocale, state: FormState): Html {
    const c = CORRECTION_MESSAGES[locale];
    const m = JOIN_MESSAGES[locale];
    const problem = state.problems.find((p) => p.field === 'speaks_for_group');
    const chosen = state.values.speaks_for_group;
    const error = problem
      ? html`<p class="field-error" id="f-speaks_for_group-error"><span class="visually-hidden">${m.errorPrefix}</span>${problemText(problem, locale)}</p>`
      : '';
    const radio = (value: boolean, label: string, first: boolean) =>
      html`<div class="choice"><input type="radio" id="${fieldId(`speaks_for_group-${value}`)}" name="speaks_for_group" value="${String(value)}" required${chosen === value ? ' checked' : ''}${first ? html` data-error-anchor="speaks_for_group"${problem ? html` aria-invalid="true" aria-describedby="f-speaks_for_group-error"` : ''}` : ''}><label for="${fieldId(`speaks_for_group-${value}`)}">${label}</label></div>`;
    return html`<fieldset class="field choices-field"><legend>${c.speaksForGroup.legend}</legend>${error}<div class="choices">${radio(true, c.speaksForGroup.yes, true)}${radio(false, c.speaksForGroup.no, false)}</div></fieldset>`;
  }

  return {
    /** `state.values` absent: the form prefilled with the entry's public fields. */
    renderForm(entry: Entry, locale: JoinLocale, token: string, nonce: string, state?: FormState): string {
      const m = JOIN_MESSAGES[locale];
      const c = CORRECTION_MESSAGES[locale];
      const shown: FormState = state ?? { values: publicFieldsOf(entry) as Record<string, unknown>, problems: [] };
      const labels = {
        source_url: c.sourceUrl.label,
        relation_claim: c.relationClaim.label,
        speaks_for_group: c.speaksForGroup.legend,
        changes: c.sectionEntry,
      };
      const [group, work, contact, consent] = SECTIONS;
      const section = (
        id: string,
        title: string,
        body: Html | Html[],
        note: Html | '' = '',
      ) => html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${note}
${body}</section>
`;
      const main = html`<p class="breadcrumb"><a href="${entryPath(locale, entry.slug)}">${c.backToEntry}</a></p>
<h1>${c.pageTitle(entry.name)}</h1>
<p>${c.intro}</p>
<p>${c.introPrivacy}</p>
${errorSummary(locale, shown, labels)}
<form id="join-form" method="post" action="${correctionApiPath(entry.slug)}" accept-charset="UTF-8">
<input type="hidden" name="form_token" value="${token}">
<input type="hidden" name="lang" value="${locale}">
${LIST_CHOICES.map((name) => html`<input type="hidden" name="${name}" value="">`)}
<div class="visually-hidden" hidden><label for="f-${HONEYPOT_FIELD}">${m.honeypotLabel}</label><input type="text" id="f-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off"></div>
${section(
  'sectionEntry',
  c.sectionEntry,
  [...group.fields, ...work.fields].map((f) => renderField(f, locale, shown)),
)}
${section('sectionSource', c.sectionSource, [ownField('source_url', locale, shown), speaksField(locale, shown), ownField('relation_claim', locale, shown)])}
${section(
  'sectionContact',
  m.sectionContact,
  contact.fields.map((f) => renderField(f, locale, shown)),
  html`<p>${m.contactNote}</p>`,
)}
${section(
  'sectionConsent',
  m.sectionConsent,
  consent.fields.map((f) => renderField(f, locale, shown)),
)}
<p><button type="submit">${c.submit}</button></p>
<p id="join-status" role="status" aria-live="polite"></p>
</form>
<script type="application/json" id="join-text">${jsonForScript({
        errorSummaryTitle: m.errorSummaryTitle,
        errorPrefix: m.errorPrefix,
        sending: m.sending,
        network: c.answers.network,
        thanksPath: correctionThanksPath(locale, entry.slug),
        labels: { ...Object.fromEntries(Object.entries(m.fields).map(([k, v]) => [k, v.label])), ...labels },
        answers: { 413: c.answers.tooLarge, 429: c.answers.rateLimited, 503: c.answers.unavailable },
      })}</script>`;
      const title = `${shown.problems.length > 0 || shown.banner ? m.errorPrefix : ''}${c.pageTitle(entry.name)}`;
      return shell(locale, title, main, nonce, (l) => correctionPath(l, entry.slug), true, false);
    },

    renderThanks(
      entry: { slug: string; name: string },
      locale: JoinLocale,
      status: { reference: string; state: JoinState } | undefined,
      nonce: string,
    ): string {
      const m = JOIN_MESSAGES[locale];
      const c = CORRECTION_MESSAGES[locale];
      if (!status) {
        const main = html`<h1>${m.unknownReferenceTitle}</h1><p>${m.unknownReference}</p><p><a href="${correctionPath(locale, entry.slug)}">${c.backToEntry}</a></p>`;
        return shell(locale, m.unknownReferenceTitle, main, nonce, (l) => correctionThanksPath(l, entry.slug), false, false);
      }
      const main = html`<h1>${c.thanksTitle}</h1>
<p>${m.referenceLabel}: <strong class="reference">${status.reference}</strong></p>
<p>${m.keepReference}</p>
<p class="state">${c.states[status.state]}</p>
<p>${c.nextSteps}</p>
<p><a href="/api/v1/join/${status.reference}">${m.statusLink}</a></p>
<p><a href="${entryPath(locale, entry.slug)}">${c.backToEntry}</a>: ${entry.name}</p>`;
      return shell(locale, c.thanksTitle, main, nonce, (l) => `${correctionThanksPath(l, entry.slug)}?reference=${status.reference}`, false, false);
    },

    renderUnknownEntry(locale: JoinLocale, nonce: string, path: (l: JoinLocale) => string): string {
      const c = CORRECTION_MESSAGES[locale];
      const main = html`<h1>${c.unknownEntryTitle}</h1><p>${c.unknownEntry}</p><p><a href="${prefix(locale)}/">${JOIN_MESSAGES[locale].navDirectory}</a></p>`;
      return shell(locale, c.unknownEntryTitle, main, nonce, path, false, false);
    },
  };
}

export type CorrectionPageRenderer = ReturnType<typeof createCorrectionPageRenderer>;

/** `/groups/<slug>/correction[/thanks]`, `/fr/…`: the locale, the slug as written, and whether it is the thank-you page. */
export function readCorrectionPath(pathname: string): { locale: JoinLocale; slug: string; thanks: boolean } | undefined {
  const match = /^(?:\/([a-z]{2,3}))?\/groups\/([^/]+)\/correction(\/thanks)?\/?$/.exec(pathname);
  // The route is `/:lang/groups/…`: a first segment that is no language's is no page.
  if (!match || (match[1] !== undefined && (match[1] === 'en' || !(JOIN_LOCALES as readonly string[]).includes(match[1])))) return undefined;
  let slug: string;
  try {
    slug = decodeURIComponent(match[2]!);
  } catch {
    return undefined; // a malformed %-escape names no entry
  }
  const locale = (JOIN_LOCALES as readonly string[]).includes(match[1] ?? 'en') ? ((match[1] ?? 'en') as JoinLocale) : 'en';
  return { locale, slug, thanks: match[3] !== undefined };
}
