/**
 * The sentences of the correction form, its thank-you page and its answers, in the languages of
 * the join form (JOIN_LOCALES), keyed like the join's messages (messages.ts), whose field labels,
 * problems and navigation the correction pages reuse. Keep these few: the six-language
 * catalogues (src/i18n) take them over by key.
 */
import type { JoinLocale, JoinState } from '../../schema/join.ts';
import type { IntakeAnswers } from '../endpoints/intake-endpoint.ts';

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
  answers: IntakeAnswers;
}

export const CORRECTION_MESSAGES: Record<JoinLocale, CorrectionMessages> = {
  en: {
    pageTitle: (name) => `Suggest a correction: ${name}`,
    intro:
      'Change what is wrong or out of date below and leave the rest as it is. The network’s editors check every correction before it is published, and may write to you about it.',
    introPrivacy:
      'What you propose about the group is public from the moment you send it (a proposed change in the directory’s public repository). Your contact details and your message to the editors stay private, encrypted for the editors.',
    sectionEntry: 'The entry as it should read',
    sectionSource: 'Where this comes from',
    sourceUrl: { label: 'A page that shows the correct information', hint: 'The group’s own site, an announcement… Starting with https:// or http://' },
    speaksForGroup: { legend: 'Do you speak for this group?', yes: 'Yes, I am a member or officer of the group', no: 'No' },
    relationClaim: {
      label: 'Has the group’s relation to the network changed?',
      hint: 'For example “joined the network at the 2025 meeting”. The editors check it against a source; it does not change the entry by itself.',
    },
    submit: 'Send the correction',
    thanksTitle: 'Thank you: your correction was received',
    states: {
      received: 'Your correction is being passed to the editors.',
      queued:
        'Your correction is safely stored and will reach the editors automatically (the entry may be open in an editor’s hands, or our connection to their review tool is failing); you do not need to send it again.',
      pull_request_opened: 'Your correction is waiting for review by the network’s editors.',
      accepted: 'The correction is accepted: the entry shows it after the next publication.',
      declined: 'The editors did not apply this correction.',
    },
    nextSteps: 'The editors review corrections by hand; they may write to you at the address you gave.',
    backToEntry: 'Back to the entry',
    unknownEntryTitle: 'Entry not found',
    unknownEntry: 'The directory has no entry at this address.',
    answers: {
      invalid: 'The correction has problems; nothing was sent.',
      tooLarge: 'The correction is too long; shorten the longest texts.',
      unsupported: 'The correction must be sent as a form or as JSON.',
      duplicate: 'This correction conflicts with another one.',
      unavailable: 'We could not receive your correction because of a problem on our side. Nothing was saved: please try again in a few minutes.',
      rateLimited: 'Too many submissions from your connection; wait a minute and try again.',
      network: 'The correction could not be sent: check your connection and try again. Your answers are still here.',
      crossSite: 'Corrections are accepted only from this site’s own form. Fill in the form on this page.',
    },
  },
  fr: {
    pageTitle: (name) => `Proposer une correction : ${name}`,
    intro:
      'Modifiez ci-dessous ce qui est faux ou dépassé et laissez le reste tel quel. L’équipe éditoriale du réseau vérifie chaque correction avant publication et peut vous écrire à son sujet.',
    introPrivacy:
      'Ce que vous proposez sur le groupe est public dès l’envoi (une proposition de modification dans le dépôt public de l’annuaire). Vos coordonnées et votre message à l’équipe restent privés, chiffrés pour elle.',
    sectionEntry: 'La fiche telle qu’elle devrait être',
    sectionSource: 'D’où vient l’information',
    sourceUrl: { label: 'Une page qui montre l’information correcte', hint: 'Le site du groupe, une annonce… Commençant par https:// ou http://' },
    speaksForGroup: { legend: 'Parlez-vous au nom de ce groupe ?', yes: 'Oui, j’en suis membre ou responsable', no: 'Non' },
    relationClaim: {
      label: 'La relation du groupe au réseau a-t-elle changé ?',
      hint: 'Par exemple « a rejoint le réseau lors de la rencontre de 2025 ». L’équipe le vérifie auprès d’une source ; cela ne modifie pas la fiche à soi seul.',
    },
    submit: 'Envoyer la correction',
    thanksTitle: 'Merci : votre correction a bien été reçue',
    states: {
      received: 'Votre correction est en cours de transmission à l’équipe éditoriale.',
      queued:
        'Votre correction est enregistrée en lieu sûr et parviendra automatiquement à l’équipe éditoriale (la fiche est peut-être en cours de modification, ou la liaison avec son outil d’examen est en panne) ; inutile de la renvoyer.',
      pull_request_opened: 'Votre correction attend l’examen de l’équipe éditoriale du réseau.',
      accepted: 'La correction est acceptée : la fiche la montrera à la prochaine publication.',
      declined: 'L’équipe éditoriale n’a pas appliqué cette correction.',
    },
    nextSteps: 'L’équipe éditoriale examine les corrections une à une ; elle peut vous écrire à l’adresse indiquée.',
    backToEntry: 'Retour à la fiche',
    unknownEntryTitle: 'Fiche introuvable',
    unknownEntry: 'L’annuaire n’a pas de fiche à cette adresse.',
    answers: {
      invalid: 'La correction comporte des erreurs ; rien n’a été envoyé.',
      tooLarge: 'La correction est trop longue ; raccourcissez les textes les plus longs.',
      unsupported: 'La correction doit être envoyée par formulaire ou en JSON.',
      duplicate: 'Cette correction en contredit une autre.',
      unavailable:
        'Nous n’avons pas pu recevoir votre correction à cause d’un problème de notre côté. Rien n’a été enregistré : réessayez dans quelques minutes.',
      rateLimited: 'Trop d’envois depuis votre connexion ; attendez une minute avant de réessayer.',
      network: 'La correction n’a pas pu être envoyée : vérifiez votre connexion et réessayez. Vos réponses sont conservées.',
      crossSite: 'Les corrections ne sont acceptées que depuis le formulaire de ce site. Remplissez le formulaire de cette page.',
    },
  },
};
