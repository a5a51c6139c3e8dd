/**
 * The join and correction pages' sentences in the shape those pages read, in every language,
 * built from the message catalogues (src/i18n: `join.*`, `correction.*`, `problem.*`, `nav.*`),
 * which hold the words. Validation problems are said by their code (src/i18n/problems.ts), never by matching
 * English text; the language is chosen by the one picker (src/i18n/negotiate.ts, q-values honoured).
 */
import { messages, optional, pickLocale as pick, t } from '../../i18n/index.ts';
import { problemText as sayProblem } from '../../i18n/problems.ts';
import { JOIN_LOCALES, type JoinGroup, type JoinLocale, type JoinState } from '../../schema/join.ts';
import { JOIN_STATES } from '../../schema/join.ts';
import type { FieldProblem } from '../intake/validate-request.ts';

export type FormField = keyof JoinGroup | 'contact.name' | 'contact.email' | 'contact.role' | 'contact.message' | 'consent';

interface FieldText {
  label: string;
  hint?: string;
}

interface Messages {
  htmlLang: string;
  languageName: string;
  siteName: string;
  skipToContent: string;
  mainNav: string;
  navDirectory: string;
  navJoin: string;
  otherLanguages: string;
  pageTitle: string;
  intro: string;
  introPrivacy: string;
  optional: string;
  errorPrefix: string;
  errorSummaryTitle: string;
  sectionGroup: string;
  sectionWork: string;
  sectionContact: string;
  sectionConsent: string;
  contactNote: string;
  textsOtherLanguages: string;
  inLanguage: (language: string) => string;
  listHint: string;
  multiSelectHint: string;
  /**
   * The searchable countries picker (country-picker-script.ts), sent to the browser in #join-text.
   * `{name}` and `{count}` are filled in by the script.
   */
  countryPicker: { hint: string; chosen: string; remove: string; added: string; removed: string; matches: string; none: string };
  noChoice: string;
  honeypotLabel: string;
  submit: string;
  sending: string;
  duplicateTitle: string;
  duplicateIntro: string;
  duplicateEntry: (name: string) => string;
  duplicateApplication: (day: string) => string;
  duplicateAccepted: (day: string) => string;
  confirmDistinct: string;
  fields: Record<FormField, FieldText>;
  thanksTitle: string;
  referenceLabel: string;
  keepReference: string;
  states: Record<JoinState, string>;
  nextSteps: string;
  statusLink: string;
  unknownReferenceTitle: string;
  unknownReference: string;
  backToForm: string;
  problems: {
    required: string;
    tooShort: (n: number) => string;
    tooLong: (n: number) => string;
    atLeast: (n: number) => string;
    atMost: (n: number) => string;
    oneLanguage: string;
    url: string;
    email: string;
    choice: string;
    number: string;
    unique: string;
    unknownTerm: (term: string) => string;
    unknownField: string;
    consent: string;
    honeypot: string;
    token: Record<'malformed' | 'forged' | 'expired' | 'too_fast', string>;
    sentTwice: string;
    /** A correction that changes nothing. */
    noChange: string;
    /** A correction naming a field only editors set. */
    editorialField: string;
    /** A claim about the relation to the network without a source. */
    sourceRequired: string;
    invalid: string;
    item: (n: number, message: string) => string;
  };
  answers: {
    invalid: string;
    tooLarge: string;
    unsupported: string;
    duplicate: string;
    unavailable: string;
    rateLimited: string;
    network: string;
    crossSite: string;
  };
}

const FORM_FIELDS: readonly FormField[] = [
  'name',
  'short_name',
  'alternate_names',
  'summary',
  'purpose',
  'geographic_scope',
  'countries',
  'city',
  'subjects',
  'sectors',
  'languages',
  'structure',
  'website',
  'email',
  'social',
  'founded',
  'contact.name',
  'contact.email',
  'contact.role',
  'contact.message',
  'consent',
];

function build(l: JoinLocale): Messages {
  const c = messages(l);
  return {
    htmlLang: l,
    languageName: c['language.name'],
    siteName: t(l, 'site.name'),
    skipToContent: t(l, 'nav.skipToForm'),
    mainNav: t(l, 'nav.main'),
    navDirectory: t(l, 'nav.directory'),
    navJoin: t(l, 'nav.join'),
    otherLanguages: t(l, 'nav.languages'),
    pageTitle: t(l, 'join.pageTitle'),
    intro: t(l, 'join.intro'),
    introPrivacy: t(l, 'join.introPrivacy'),
    optional: t(l, 'join.optional'),
    errorPrefix: t(l, 'join.errorPrefix'),
    errorSummaryTitle: t(l, 'join.errorSummaryTitle'),
    sectionGroup: t(l, 'join.section.sectionGroup'),
    sectionWork: t(l, 'join.section.sectionWork'),
    sectionContact: t(l, 'join.section.sectionContact'),
    sectionConsent: t(l, 'join.section.sectionConsent'),
    contactNote: t(l, 'join.contactNote'),
    textsOtherLanguages: t(l, 'join.otherLanguages'),
    inLanguage: (language) => t(l, 'join.inLanguage', { language }),
    listHint: t(l, 'join.listHint'),
    multiSelectHint: t(l, 'join.multiSelectHint'),
    // Placeholders stay for the browser script to fill in.
    countryPicker: {
      hint: c['join.countryPicker.hint'],
      chosen: c['join.countryPicker.chosen'],
      remove: c['join.countryPicker.remove'],
      added: c['join.countryPicker.added'],
      removed: c['join.countryPicker.removed'],
      matches: c['join.countryPicker.matches'],
      none: c['join.countryPicker.none'],
    },
    noChoice: t(l, 'join.noChoice'),
    honeypotLabel: t(l, 'join.honeypot'),
    submit: t(l, 'join.submit'),
    sending: t(l, 'join.sending'),
    duplicateTitle: t(l, 'join.duplicate.title'),
    duplicateIntro: t(l, 'join.duplicate.intro'),
    duplicateEntry: (name) => t(l, 'join.duplicate.entry', { name }),
    duplicateApplication: (day) => t(l, 'join.duplicate.application', { day: longDay(l, day) }),
    duplicateAccepted: (day) => t(l, 'join.duplicate.accepted', { day: longDay(l, day) }),
    confirmDistinct: t(l, 'join.confirmDistinct'),
    fields: Object.fromEntries(
      FORM_FIELDS.map((f) => {
        const hint = optional(l, `join.field.${f}.hint`);
        return [f, { label: t(l, `join.field.${f}.label`), ...(hint ? { hint } : {}) }];
      }),
    ) as Record<FormField, FieldText>,
    thanksTitle: t(l, 'join.thanks.title'),
    referenceLabel: t(l, 'join.thanks.reference'),
    keepReference: t(l, 'join.thanks.keep'),
    states: Object.fromEntries(JOIN_STATES.map((s) => [s, t(l, `join.state.${s}`)])) as Record<JoinState, string>,
    nextSteps: t(l, 'join.thanks.next'),
    statusLink: t(l, 'join.thanks.status'),
    unknownReferenceTitle: t(l, 'join.unknown.title'),
    unknownReference: t(l, 'join.unknown.text'),
    backToForm: t(l, 'join.unknown.back'),
    problems: {
      required: t(l, 'problem.required'),
      tooShort: (n) => (n <= 1 ? t(l, 'problem.empty') : t(l, 'problem.tooShort', { min: n })),
      tooLong: (n) => t(l, 'problem.tooLong', { max: n }),
      atLeast: (n) => t(l, 'problem.yearMin', { min: n }),
      atMost: (n) => t(l, 'problem.yearMax', { max: n }),
      oneLanguage: t(l, 'problem.oneLanguage'),
      url: t(l, 'problem.url'),
      email: t(l, 'problem.email'),
      choice: t(l, 'problem.invalid'),
      number: t(l, 'problem.wholeYear'),
      unique: t(l, 'problem.unique'),
      unknownTerm: (term) => t(l, 'problem.unknownTerm.subjects', { term }),
      unknownField: t(l, 'problem.unknownField'),
      consent: t(l, 'problem.consent'),
      honeypot: t(l, 'problem.honeypot'),
      token: {
        malformed: t(l, 'problem.token.malformed'),
        forged: t(l, 'problem.token.forged'),
        expired: t(l, 'problem.token.expired'),
        too_fast: t(l, 'problem.token.too_fast'),
      },
      sentTwice: t(l, 'problem.sentTwice'),
      noChange: t(l, 'problem.noChange'),
      editorialField: t(l, 'problem.editorialField'),
      sourceRequired: t(l, 'problem.sourceRequired'),
      invalid: t(l, 'problem.invalid'),
      item: (n, message) => t(l, 'problem.item', { n, message }),
    },
    answers: {
      invalid: t(l, 'join.answer.invalid'),
      tooLarge: t(l, 'join.answer.tooLarge'),
      unsupported: t(l, 'join.answer.unsupported'),
      duplicate: t(l, 'join.answer.duplicate'),
      unavailable: t(l, 'join.answer.unavailable'),
      rateLimited: t(l, 'join.answer.rateLimited'),
      network: t(l, 'join.answer.network'),
      crossSite: t(l, 'join.answer.crossSite'),
    },
  };
}

/** A day (YYYY-MM-DD) as the language writes it (`Intl.DateTimeFormat`); anything else as it came. */
function longDay(l: JoinLocale, day: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' }).format(date) : day;
}

export const JOIN_MESSAGES: Record<JoinLocale, Messages> = Object.fromEntries(JOIN_LOCALES.map((l) => [l, build(l)])) as Record<JoinLocale, Messages>;

/** The correction form's own sentences; its field labels, problems and navigation are the join's (above). */
export interface CorrectionMessages {
  pageTitle: (name: string) => string;
  intro: string;
  introPrivacy: string;
  sectionEntry: string;
  sectionSource: string;
  sourceUrl: { label: string; hint: string };
  speaksForGroup: { legend: string; yes: string; no: string };
  relationClaim: { label: string; hint: string };
  submit: string;
  thanksTitle: string;
  states: Record<JoinState, string>;
  nextSteps: string;
  backToEntry: string;
  unknownEntryTitle: string;
  unknownEntry: string;
  /** The same answers as the join's, said of a correction. */
  answers: Messages['answers'];
}

function buildCorrection(l: JoinLocale): CorrectionMessages {
  return {
    pageTitle: (name) => t(l, 'correction.pageTitle', { name }),
    intro: t(l, 'correction.intro'),
    introPrivacy: t(l, 'correction.introPrivacy'),
    sectionEntry: t(l, 'correction.section.entry'),
    sectionSource: t(l, 'correction.section.source'),
    sourceUrl: { label: t(l, 'correction.field.source_url.label'), hint: t(l, 'correction.field.source_url.hint') },
    speaksForGroup: {
      legend: t(l, 'correction.field.speaks_for_group.legend'),
      yes: t(l, 'correction.field.speaks_for_group.yes'),
      no: t(l, 'correction.field.speaks_for_group.no'),
    },
    relationClaim: { label: t(l, 'correction.field.relation_claim.label'), hint: t(l, 'correction.field.relation_claim.hint') },
    submit: t(l, 'correction.submit'),
    thanksTitle: t(l, 'correction.thanks.title'),
    states: Object.fromEntries(JOIN_STATES.map((s) => [s, t(l, `correction.state.${s}`)])) as Record<JoinState, string>,
    nextSteps: t(l, 'correction.thanks.next'),
    backToEntry: t(l, 'correction.backToEntry'),
    unknownEntryTitle: t(l, 'correction.unknownEntry.title'),
    unknownEntry: t(l, 'correction.unknownEntry.text'),
    answers: {
      invalid: t(l, 'correction.answer.invalid'),
      tooLarge: t(l, 'correction.answer.tooLarge'),
      unsupported: t(l, 'correction.answer.unsupported'),
      duplicate: t(l, 'correction.answer.duplicate'),
      unavailable: t(l, 'correction.answer.unavailable'),
      rateLimited: t(l, 'correction.answer.rateLimited'),
      network: t(l, 'correction.answer.network'),
      crossSite: t(l, 'correction.answer.crossSite'),
    },
  };
}

export const CORRECTION_MESSAGES: Record<JoinLocale, CorrectionMessages> = Object.fromEntries(JOIN_LOCALES.map((l) => [l, buildCorrection(l)])) as Record<
  JoinLocale,
  CorrectionMessages
>;

/** A problem in the page's language, said by its code and details (src/i18n/problems.ts). */
export function problemText(problem: FieldProblem, locale: JoinLocale): string {
  return sayProblem(locale, problem, problem.field);
}

/** The applicant's language: the explicit one (`lang`), else Accept-Language by quality, else English. */
export function pickLocale(explicit: string | null | undefined, acceptLanguage: string | null): JoinLocale {
  const chosen = pick({ explicit: [explicit], acceptLanguage });
  return (JOIN_LOCALES as readonly string[]).includes(chosen) ? (chosen as JoinLocale) : 'en';
}
