/**
 * The Applications page's sentences, keyed, in the languages the editors' side is written in
 * (English, as the CMS; French). The six-language catalogues (src/i18n) can take them over by key.
 */
export const DESK_MESSAGES = {
  en: {
    title: 'Applications',
    backToCms: 'Back to the CMS',
    keyHeading: 'Your key',
    keyIntro:
      'Contact details are encrypted for the editors. Your key opens them here, in this browser; it is kept in this browser only and never sent anywhere.',
    noKey: 'There is no key in this browser yet.',
    hasKey: 'This browser holds your key.',
    publicKey:
      'Your public key. Give it to whoever manages the site, to add to the JOIN_CONTACT_PUBLIC_KEY setting; applications received after that can be read with your key:',
    newKey: 'Create a new key',
    newKeyDone: 'A new key was created and kept in this browser. Save a copy (below) somewhere safe: without it, the details encrypted to it cannot be read.',
    downloadKey: 'Save a copy of the key',
    openKeyFile: 'Open a key file',
    pasteKey: 'Or paste your key (it starts with AGE-SECRET-KEY-1)',
    useKey: 'Use this key',
    badKey: 'That is not an age key: it must start with AGE-SECRET-KEY-1.',
    forgetKey: 'Remove the key from this browser',
    listHeading: 'Applications and corrections',
    loading: 'Loading…',
    networkFailed: 'The list could not be loaded: check your connection.',
    loadFailed: (status: number) => `The list could not be loaded (${status}).`,
    empty: 'No applications yet.',
    count: (n: number) => `${n} received, newest first.`,
    columns: ['Reference', 'Kind', 'State', 'Received', 'Group', 'Review', 'Details', 'Contact (private)'],
    kinds: { join: 'Join', correction: 'Correction' } as Record<string, string>,
    states: { received: 'received', queued: 'queued', pull_request_opened: 'waiting for review', accepted: 'accepted', declined: 'declined' } as Record<
      string,
      string
    >,
    waitingForDraft: 'waits for an editor’s draft of this entry to be published or deleted',
    lastError: (code: string) => `last delivery attempt: ${code}`,
    pullRequest: (n: number) => `pull request #${n}`,
    branch: (b: string) => `branch ${b}`,
    duplicates: 'Possible duplicates:',
    duplicateEntry: (name: string) => `entry “${name}”`,
    duplicateApplication: (reference: string) => `application ${reference}`,
    changes: 'Changes:',
    remove: 'remove',
    source: 'Source:',
    speaksForGroup: 'Speaks for the group',
    relation: 'About the relation:',
    locked: 'Locked: add your key above to read it.',
    notForYou: 'Not encrypted to your key (it was received before your key was added, or for other editors).',
    forgotten: 'Forgotten.',
    name: 'Name',
    email: 'Email',
    role: 'Role',
    message: 'Message',
    consent: (date: string) => `Consent given ${date}`,
    forget: 'Forget these details',
    confirmForget: 'Delete these contact details for good? Do it once the application is decided.',
  },
  fr: {
    title: 'Demandes',
    backToCms: 'Retour au CMS',
    keyHeading: 'Votre clé',
    keyIntro:
      'Les coordonnées sont chiffrées pour l’équipe éditoriale. Votre clé les ouvre ici, dans ce navigateur ; elle n’est conservée que dans ce navigateur et n’est jamais envoyée.',
    noKey: 'Ce navigateur ne contient pas encore de clé.',
    hasKey: 'Ce navigateur contient votre clé.',
    publicKey:
      'Votre clé publique. Donnez-la à la personne qui gère le site, pour l’ajouter au réglage JOIN_CONTACT_PUBLIC_KEY ; les demandes reçues ensuite pourront être lues avec votre clé :',
    newKey: 'Créer une nouvelle clé',
    newKeyDone:
      'Une nouvelle clé a été créée et conservée dans ce navigateur. Enregistrez-en une copie (ci-dessous) en lieu sûr : sans elle, les coordonnées chiffrées pour elle sont illisibles.',
    downloadKey: 'Enregistrer une copie de la clé',
    openKeyFile: 'Ouvrir un fichier de clé',
    pasteKey: 'Ou collez votre clé (elle commence par AGE-SECRET-KEY-1)',
    useKey: 'Utiliser cette clé',
    badKey: 'Ce n’est pas une clé age : elle doit commencer par AGE-SECRET-KEY-1.',
    forgetKey: 'Retirer la clé de ce navigateur',
    listHeading: 'Demandes et corrections',
    loading: 'Chargement…',
    networkFailed: 'La liste n’a pas pu être chargée : vérifiez votre connexion.',
    loadFailed: (status: number) => `La liste n’a pas pu être chargée (${status}).`,
    empty: 'Aucune demande pour l’instant.',
    count: (n: number) => `${n} reçues, les plus récentes d’abord.`,
    columns: ['Référence', 'Type', 'État', 'Reçue', 'Groupe', 'Examen', 'Détails', 'Contact (privé)'],
    kinds: { join: 'Adhésion', correction: 'Correction' } as Record<string, string>,
    states: { received: 'reçue', queued: 'en file', pull_request_opened: 'en attente d’examen', accepted: 'acceptée', declined: 'refusée' } as Record<
      string,
      string
    >,
    waitingForDraft: 'attend la publication ou la suppression d’un brouillon de cette fiche',
    lastError: (code: string) => `dernière tentative de livraison : ${code}`,
    pullRequest: (n: number) => `pull request n° ${n}`,
    branch: (b: string) => `branche ${b}`,
    duplicates: 'Doublons possibles :',
    duplicateEntry: (name: string) => `fiche « ${name} »`,
    duplicateApplication: (reference: string) => `demande ${reference}`,
    changes: 'Modifications :',
    remove: 'supprimer',
    source: 'Source :',
    speaksForGroup: 'Parle au nom du groupe',
    relation: 'Sur la relation :',
    locked: 'Verrouillé : ajoutez votre clé ci-dessus pour le lire.',
    notForYou: 'Pas chiffré pour votre clé (reçu avant l’ajout de votre clé, ou pour d’autres membres de l’équipe).',
    forgotten: 'Effacé.',
    name: 'Nom',
    email: 'E-mail',
    role: 'Rôle',
    message: 'Message',
    consent: (date: string) => `Consentement donné le ${date}`,
    forget: 'Effacer ces coordonnées',
    confirmForget: 'Effacer définitivement ces coordonnées ? À faire une fois la demande tranchée.',
  },
};

export type DeskMessages = (typeof DESK_MESSAGES)['en'];

export function deskLocale(languages: readonly string[]): keyof typeof DESK_MESSAGES {
  for (const tag of languages) {
    const lang = tag.toLowerCase().split('-')[0];
    if (lang === 'fr' || lang === 'en') return lang;
  }
  return 'en';
}
