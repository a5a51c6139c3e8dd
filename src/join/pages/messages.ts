/**
 * Every sentence the join pages and the join endpoint's messages say, in the join form's
 * languages. Field labels are typed by the join schema's fields, so a field added to the schema
 * without a label fails type-checking. Validation messages come from the schema in English; in
 * French they are rebuilt here from the code and limits.
 */
import type { JoinGroup, JoinLocale, JoinState } from '../../schema/join.ts';
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

export const JOIN_MESSAGES: Record<JoinLocale, Messages> = {
  en: {
    htmlLang: 'en',
    languageName: 'English',
    siteName: 'Solidarity Directory',
    skipToContent: 'Skip to the form',
    mainNav: 'Main',
    navDirectory: 'Directory',
    navJoin: 'Join',
    otherLanguages: 'This page in other languages',
    pageTitle: 'Ask to join the directory',
    intro:
      'Your union or collective can be listed in the directory of the International Labour Network of Solidarity and Struggle. Tell us about it: the network’s editors review every application before anything is published, and may write to you with questions.',
    introPrivacy:
      'What you write about your group is public from the moment you send it: it becomes a proposed change in the directory’s public repository, and an entry in the directory once an editor accepts it. Your own contact details and your message to the editors stay private, encrypted for the editors.',
    optional: 'optional',
    errorPrefix: 'Error: ',
    errorSummaryTitle: 'There is a problem',
    sectionGroup: 'Your group',
    sectionWork: 'What your group does',
    sectionContact: 'Contact (private)',
    sectionConsent: 'Consent',
    contactNote:
      'Only the network’s editors can read these details. They are encrypted as soon as you send the form, never published, and never stored in the directory’s public repository.',
    textsOtherLanguages: 'In other languages',
    inLanguage: (language) => `in ${language}`,
    listHint: 'One per line.',
    multiSelectHint: 'You can choose several: hold Ctrl (⌘ on a Mac) while you choose.',
    countryPicker: {
      hint: 'Where the group is based or active. Type a country’s name, then choose it with the arrow keys and Enter, or a click; choose as many as apply. Remove one with its × button.',
      chosen: 'Chosen countries',
      remove: 'Remove {name}',
      added: '{name} added; {count} chosen.',
      removed: '{name} removed; {count} chosen.',
      matches: '{count} matching countries.',
      none: 'No country matches.',
    },
    noChoice: 'Not stated',
    honeypotLabel: 'Leave this field empty',
    submit: 'Send the application',
    sending: 'Sending your application…',
    duplicateTitle: 'This group may already be in the directory',
    duplicateIntro: 'What you typed matches:',
    duplicateEntry: (name) => `the directory’s entry “${name}”`,
    duplicateApplication: (day) => `an application received on ${day} and waiting for review`,
    duplicateAccepted: (day) => `an application received on ${day} and accepted; it will appear in the directory shortly`,
    confirmDistinct: 'My group is a different one: send the application anyway (editors will be told about the match).',
    fields: {
      name: { label: 'Name of the group', hint: 'As the group writes it, in its own language.' },
      short_name: { label: 'Short name or acronym', hint: 'E.g. CGT, CUB.' },
      alternate_names: { label: 'Other names', hint: 'Names in other languages, former names.' },
      summary: { label: 'Summary', hint: 'One or two sentences for the directory’s lists.' },
      purpose: { label: 'Purpose', hint: 'What the group is for, in its own words. You can use Markdown.' },
      geographic_scope: { label: 'Geographic scope' },
      countries: { label: 'Countries', hint: 'Where the group is based or active.' },
      city: { label: 'City' },
      subjects: { label: 'Subjects' },
      sectors: { label: 'Sectors' },
      languages: { label: 'Working languages' },
      structure: { label: 'Kind of organisation' },
      website: { label: 'Website', hint: 'Starting with https:// or http://' },
      email: { label: 'Public email of the group', hint: 'Shown in the directory.' },
      social: { label: 'Social media links' },
      founded: { label: 'Year founded' },
      'contact.name': { label: 'Your name' },
      'contact.email': { label: 'Your email', hint: 'For the editors’ questions only.' },
      'contact.role': { label: 'Your role in the group' },
      'contact.message': { label: 'A message to the editors', hint: 'Only the editors read it.' },
      consent: { label: 'I agree that the network’s editors keep my contact details to process this application and write to me about it.' },
    },
    thanksTitle: 'Thank you: your application was received',
    referenceLabel: 'Your reference',
    keepReference: 'Keep this reference: it lets you follow your application.',
    states: {
      received: 'Your application is being passed to the editors.',
      queued:
        'Your application is safely stored. Our connection to the editors’ review tool is failing at the moment, so it will reach them automatically as soon as that works again; you do not need to send it again.',
      pull_request_opened: 'Your application is waiting for review by the network’s editors.',
      accepted: 'The editors accepted your application: your group appears in the directory after the next publication.',
      declined: 'The editors did not add this application to the directory.',
    },
    nextSteps: 'The editors review applications by hand; they may write to you at the address you gave.',
    statusLink: 'Status of this application (JSON)',
    unknownReferenceTitle: 'Application not found',
    unknownReference: 'No application has this reference. Check it, or send the form again.',
    backToForm: 'Back to the join form',
    problems: {
      required: 'is required',
      tooShort: (n) => (n <= 1 ? 'must not be empty' : `must be at least ${n} characters`),
      tooLong: (n) => `must be at most ${n} characters`,
      atLeast: (n) => `must be ${n} or later`,
      atMost: (n) => `must be ${n} or earlier`,
      oneLanguage: 'give it in at least one language',
      url: 'must be a web address starting with http:// or https://',
      email: 'must be an email address',
      choice: 'choose one of the proposed values',
      number: 'must be a whole year such as 1995',
      unique: 'each value may appear only once',
      unknownTerm: (term) => `“${term}” is not one of the proposed values`,
      unknownField: 'unknown field',
      consent: 'tick the box to agree, or we cannot keep your contact details',
      honeypot: 'this field must be left empty',
      token: {
        malformed: 'the form is incomplete: load the page again',
        forged: 'this form did not come from this site: load the page again',
        expired: 'the form had expired; it has been renewed: check your answers and send it again',
        too_fast: 'the form was sent faster than a person can fill it in: check your answers and send it again',
      },
      sentTwice: 'give this field only once',
      noChange: 'nothing differs from the entry: change a value that is wrong, or say what changed about the relation to the network',
      editorialField: 'only the editors set this field; to report a change of relation to the network, write it in relation_claim with a source_url',
      sourceRequired: 'give a page that shows the change of relation to the network',
      invalid: 'is not valid',
      item: (n, message) => `value ${n}: ${message}`,
    },
    answers: {
      invalid: 'The application has problems; nothing was sent.',
      tooLarge: 'The application is too long; shorten the longest texts.',
      unsupported: 'The application must be sent as a form or as JSON.',
      duplicate: 'This group seems to be in the directory already, or waiting for review.',
      unavailable: 'We could not receive your application because of a problem on our side. Nothing was saved: please try again in a few minutes.',
      rateLimited: 'Too many submissions from your connection; wait a minute and try again.',
      network: 'The application could not be sent: check your connection and try again. Your answers are still here.',
      crossSite: 'Applications are accepted only from this site’s own form. Fill in the form on this page.',
    },
  },
  fr: {
    htmlLang: 'fr',
    languageName: 'Français',
    siteName: 'Annuaire de la solidarité',
    skipToContent: 'Aller au formulaire',
    mainNav: 'Navigation principale',
    navDirectory: 'Annuaire',
    navJoin: 'Rejoindre',
    otherLanguages: 'Cette page dans d’autres langues',
    pageTitle: 'Demander à figurer dans l’annuaire',
    intro:
      'Votre syndicat ou collectif peut figurer dans l’annuaire du Réseau syndical international de solidarité et de luttes. Présentez-le : l’équipe éditoriale du réseau examine chaque demande avant toute publication et peut vous écrire pour en savoir plus.',
    introPrivacy:
      'Ce que vous écrivez sur votre groupe est public dès l’envoi : cela devient une proposition de modification dans le dépôt public de l’annuaire, puis une fiche de l’annuaire une fois acceptée par l’équipe éditoriale. Vos coordonnées et votre message à l’équipe restent privés, chiffrés pour elle.',
    optional: 'facultatif',
    errorPrefix: 'Erreur : ',
    errorSummaryTitle: 'Il y a un problème',
    sectionGroup: 'Votre groupe',
    sectionWork: 'Ce que fait votre groupe',
    sectionContact: 'Contact (privé)',
    sectionConsent: 'Consentement',
    contactNote:
      'Seule l’équipe éditoriale du réseau peut lire ces informations. Elles sont chiffrées dès l’envoi du formulaire, jamais publiées, et jamais enregistrées dans le dépôt public de l’annuaire.',
    textsOtherLanguages: 'Dans d’autres langues',
    inLanguage: (language) => `en ${language}`,
    listHint: 'Un par ligne.',
    multiSelectHint: 'Vous pouvez en choisir plusieurs : maintenez Ctrl (⌘ sur Mac) en choisissant.',
    countryPicker: {
      hint: 'Où le groupe est basé ou actif. Tapez le nom d’un pays, puis choisissez-le avec les flèches et Entrée, ou d’un clic ; choisissez-en autant qu’il faut. Retirez-en un avec son bouton ×.',
      chosen: 'Pays choisis',
      remove: 'Retirer {name}',
      added: '{name} ajouté ; {count} choisi(s).',
      removed: '{name} retiré ; {count} choisi(s).',
      matches: '{count} pays correspondent.',
      none: 'Aucun pays ne correspond.',
    },
    noChoice: 'Non précisé',
    honeypotLabel: 'Laissez ce champ vide',
    submit: 'Envoyer la demande',
    sending: 'Envoi de votre demande…',
    duplicateTitle: 'Ce groupe figure peut-être déjà dans l’annuaire',
    duplicateIntro: 'Ce que vous avez saisi correspond à :',
    duplicateEntry: (name) => `la fiche « ${name} » de l’annuaire`,
    duplicateApplication: (day) => `une demande reçue le ${day}, en attente d’examen`,
    duplicateAccepted: (day) => `une demande reçue le ${day} et acceptée ; elle apparaîtra bientôt dans l’annuaire`,
    confirmDistinct: 'Mon groupe est un autre : envoyer quand même la demande (l’équipe éditoriale sera informée de la correspondance).',
    fields: {
      name: { label: 'Nom du groupe', hint: 'Tel que le groupe l’écrit, dans sa langue.' },
      short_name: { label: 'Nom court ou sigle', hint: 'Par exemple CGT, CUB.' },
      alternate_names: { label: 'Autres noms', hint: 'Noms dans d’autres langues, anciens noms.' },
      summary: { label: 'Résumé', hint: 'Une ou deux phrases pour les listes de l’annuaire.' },
      purpose: { label: 'Objet', hint: 'Ce que fait le groupe, dans ses propres mots. Le format Markdown est accepté.' },
      geographic_scope: { label: 'Portée géographique' },
      countries: { label: 'Pays', hint: 'Où le groupe est basé ou actif.' },
      city: { label: 'Ville' },
      subjects: { label: 'Thèmes' },
      sectors: { label: 'Secteurs' },
      languages: { label: 'Langues de travail' },
      structure: { label: 'Type d’organisation' },
      website: { label: 'Site web', hint: 'Commençant par https:// ou http://' },
      email: { label: 'Adresse e-mail publique du groupe', hint: 'Affichée dans l’annuaire.' },
      social: { label: 'Liens vers les réseaux sociaux' },
      founded: { label: 'Année de fondation' },
      'contact.name': { label: 'Votre nom' },
      'contact.email': { label: 'Votre adresse e-mail', hint: 'Uniquement pour les questions de l’équipe éditoriale.' },
      'contact.role': { label: 'Votre rôle dans le groupe' },
      'contact.message': { label: 'Un message à l’équipe éditoriale', hint: 'Seule l’équipe éditoriale le lit.' },
      consent: { label: 'J’accepte que l’équipe éditoriale du réseau conserve mes coordonnées pour traiter cette demande et m’écrire à son sujet.' },
    },
    thanksTitle: 'Merci : votre demande a bien été reçue',
    referenceLabel: 'Votre référence',
    keepReference: 'Conservez cette référence : elle permet de suivre votre demande.',
    states: {
      received: 'Votre demande est en cours de transmission à l’équipe éditoriale.',
      queued:
        'Votre demande est enregistrée en lieu sûr. La liaison avec l’outil d’examen de l’équipe éditoriale est en panne pour le moment ; elle lui sera transmise automatiquement dès que possible. Inutile de la renvoyer.',
      pull_request_opened: 'Votre demande attend l’examen de l’équipe éditoriale du réseau.',
      accepted: 'L’équipe éditoriale a accepté votre demande : votre groupe apparaîtra dans l’annuaire à la prochaine publication.',
      declined: 'L’équipe éditoriale n’a pas ajouté cette demande à l’annuaire.',
    },
    nextSteps: 'L’équipe éditoriale examine les demandes une à une ; elle peut vous écrire à l’adresse indiquée.',
    statusLink: 'État de cette demande (JSON)',
    unknownReferenceTitle: 'Demande introuvable',
    unknownReference: 'Aucune demande ne porte cette référence. Vérifiez-la, ou renvoyez le formulaire.',
    backToForm: 'Retour au formulaire',
    problems: {
      required: 'est obligatoire',
      tooShort: (n) => (n <= 1 ? 'ne doit pas être vide' : `doit compter au moins ${n} caractères`),
      tooLong: (n) => `doit compter au plus ${n} caractères`,
      atLeast: (n) => `doit être ${n} ou après`,
      atMost: (n) => `doit être ${n} ou avant`,
      oneLanguage: 'donnez-le dans au moins une langue',
      url: 'doit être une adresse web commençant par http:// ou https://',
      email: 'doit être une adresse e-mail',
      choice: 'choisissez une des valeurs proposées',
      number: 'doit être une année, par exemple 1995',
      unique: 'chaque valeur ne peut figurer qu’une fois',
      unknownTerm: (term) => `« ${term} » ne fait pas partie des valeurs proposées`,
      unknownField: 'champ inconnu',
      consent: 'cochez la case pour donner votre accord, sans quoi nous ne pouvons pas conserver vos coordonnées',
      honeypot: 'ce champ doit rester vide',
      token: {
        malformed: 'le formulaire est incomplet : rechargez la page',
        forged: 'ce formulaire ne vient pas de ce site : rechargez la page',
        expired: 'le formulaire avait expiré ; il a été renouvelé : vérifiez vos réponses et renvoyez-le',
        too_fast: 'le formulaire a été envoyé plus vite qu’une personne ne peut le remplir : vérifiez vos réponses et renvoyez-le',
      },
      sentTwice: 'ce champ ne doit être donné qu’une fois',
      noChange: 'rien ne diffère de la fiche : modifiez une valeur erronée, ou dites ce qui a changé dans la relation au réseau',
      editorialField:
        'seule l’équipe éditoriale renseigne ce champ ; pour signaler un changement de relation au réseau, écrivez-le dans relation_claim avec une source_url',
      sourceRequired: 'indiquez une page qui montre le changement de relation au réseau',
      invalid: 'n’est pas valide',
      item: (n, message) => `valeur ${n} : ${message}`,
    },
    answers: {
      invalid: 'La demande comporte des erreurs ; rien n’a été envoyé.',
      tooLarge: 'La demande est trop longue ; raccourcissez les textes les plus longs.',
      unsupported: 'La demande doit être envoyée par formulaire ou en JSON.',
      duplicate: 'Ce groupe semble figurer déjà dans l’annuaire, ou attendre l’examen.',
      unavailable: 'Nous n’avons pas pu recevoir votre demande à cause d’un problème de notre côté. Rien n’a été enregistré : réessayez dans quelques minutes.',
      rateLimited: 'Trop d’envois depuis votre connexion ; attendez une minute avant de réessayer.',
      network: 'La demande n’a pas pu être envoyée : vérifiez votre connexion et réessayez. Vos réponses sont conservées.',
      crossSite: 'Les demandes ne sont acceptées que depuis le formulaire de ce site. Remplissez le formulaire de cette page.',
    },
  },
};

/** A problem in the page's language: the schema's English message, or its translation by code. */
export function problemText(problem: FieldProblem, locale: JoinLocale): string {
  if (locale === 'en') return problem.message;
  const p = JOIN_MESSAGES[locale].problems;
  const d = problem.detail ?? {};
  let text: string;
  switch (problem.code) {
    case 'invalid_type':
      text = /required/.test(problem.message) ? p.required : p.invalid;
      break;
    case 'too_small':
      text = d.origin === 'number' ? p.atLeast(d.minimum ?? 0) : d.origin === 'string' ? p.tooShort(d.minimum ?? 1) : p.required;
      break;
    case 'too_big':
      text = d.origin === 'number' ? p.atMost(d.maximum ?? 0) : p.tooLong(d.maximum ?? 0);
      break;
    case 'invalid_format:url':
      text = p.url;
      break;
    case 'invalid_format:email':
      text = p.email;
      break;
    case 'invalid_value':
      text = problem.field === 'consent' ? p.consent : p.choice;
      break;
    case 'unknown_term':
      text = p.unknownTerm(d.term ?? '');
      break;
    case 'unknown_field':
      return p.unknownField;
    case 'honeypot':
      return p.honeypot;
    case 'sent_twice':
      return p.sentTwice;
    case 'no_change':
      return p.noChange;
    case 'editorial_field':
      return p.editorialField;
    case 'source_required':
      return p.sourceRequired;
    case 'token_malformed':
    case 'token_forged':
    case 'token_expired':
    case 'token_too_fast':
      return p.token[problem.code.slice('token_'.length) as keyof typeof p.token];
    case 'custom':
      text = /only once/.test(problem.message) ? p.unique : /at least one language/.test(problem.message) ? p.oneLanguage : p.invalid;
      break;
    default:
      text = problem.field === 'founded' ? p.number : p.invalid;
  }
  return d.item !== undefined ? p.item(d.item, text) : text;
}

export function pickLocale(explicit: string | null | undefined, acceptLanguage: string | null): JoinLocale {
  if (explicit === 'en' || explicit === 'fr') return explicit;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
