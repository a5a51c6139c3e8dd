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
  es: {
    pageTitle: (name) => `Proponer una corrección: ${name}`,
    intro:
      'Cambia abajo lo que esté mal o desactualizado y deja el resto como está. El equipo editorial de la red revisa cada corrección antes de publicarla y puede escribirte sobre ella.',
    introPrivacy:
      'Lo que propongas sobre el grupo es público desde el momento en que lo envías (una propuesta de cambio en el repositorio público del directorio). Tus datos de contacto y tu mensaje al equipo siguen siendo privados, cifrados para el equipo editorial.',
    sectionEntry: 'La ficha tal como debería quedar',
    sectionSource: 'De dónde viene esta información',
    sourceUrl: { label: 'Una página que muestre la información correcta', hint: 'La web del propio grupo, un anuncio… Que empiece por https:// o http://' },
    speaksForGroup: { legend: '¿Hablas en nombre de este grupo?', yes: 'Sí, soy miembro o responsable del grupo', no: 'No' },
    relationClaim: {
      label: '¿Ha cambiado la relación del grupo con la red?',
      hint: 'Por ejemplo «se unió a la red en el encuentro de 2025». El equipo editorial lo comprueba con una fuente; por sí solo no cambia la ficha.',
    },
    submit: 'Enviar la corrección',
    thanksTitle: 'Gracias: hemos recibido tu corrección',
    states: {
      received: 'Tu corrección se está transmitiendo al equipo editorial.',
      queued:
        'Tu corrección está guardada de forma segura y llegará automáticamente al equipo editorial (puede que alguien esté editando la ficha, o que falle la conexión con su herramienta de revisión); no hace falta que la envíes otra vez.',
      pull_request_opened: 'Tu corrección espera la revisión del equipo editorial de la red.',
      accepted: 'La corrección está aceptada: la ficha la mostrará tras la próxima publicación.',
      declined: 'El equipo editorial no aplicó esta corrección.',
    },
    nextSteps: 'El equipo editorial revisa las correcciones una a una; puede escribirte a la dirección que indicaste.',
    backToEntry: 'Volver a la ficha',
    unknownEntryTitle: 'Ficha no encontrada',
    unknownEntry: 'El directorio no tiene ninguna ficha en esta dirección.',
    answers: {
      invalid: 'La corrección tiene errores; no se ha enviado nada.',
      tooLarge: 'La corrección es demasiado larga; acorta los textos más largos.',
      unsupported: 'La corrección debe enviarse como formulario o en JSON.',
      duplicate: 'Esta corrección choca con otra.',
      unavailable: 'No pudimos recibir tu corrección por un problema de nuestra parte. No se ha guardado nada: vuelve a intentarlo dentro de unos minutos.',
      rateLimited: 'Demasiados envíos desde tu conexión; espera un minuto y vuelve a intentarlo.',
      network: 'No se pudo enviar la corrección: comprueba tu conexión y vuelve a intentarlo. Tus respuestas siguen aquí.',
      crossSite: 'Solo se aceptan correcciones desde el formulario de este sitio. Rellena el formulario de esta página.',
    },
  },
  pt: {
    pageTitle: (name) => `Sugerir uma correção: ${name}`,
    intro:
      'Altere abaixo o que estiver errado ou desatualizado e deixe o resto como está. A equipe editorial da rede analisa cada correção antes de publicá-la e pode escrever para você sobre ela.',
    introPrivacy:
      'O que você propõe sobre o grupo é público a partir do envio (uma proposta de alteração no repositório público do diretório). Seus dados de contato e sua mensagem à equipe continuam privados, criptografados para a equipe editorial.',
    sectionEntry: 'A ficha como deveria ficar',
    sectionSource: 'De onde vem esta informação',
    sourceUrl: { label: 'Uma página que mostre a informação correta', hint: 'O site do próprio grupo, um comunicado… Começando com https:// ou http://' },
    speaksForGroup: { legend: 'Você fala em nome deste grupo?', yes: 'Sim, sou membro ou dirigente do grupo', no: 'Não' },
    relationClaim: {
      label: 'A relação do grupo com a rede mudou?',
      hint: 'Por exemplo “entrou na rede no encontro de 2025”. A equipe editorial confere numa fonte; isso sozinho não muda a ficha.',
    },
    submit: 'Enviar a correção',
    thanksTitle: 'Obrigado: sua correção foi recebida',
    states: {
      received: 'Sua correção está sendo encaminhada à equipe editorial.',
      queued:
        'Sua correção está guardada em segurança e chegará automaticamente à equipe editorial (a ficha pode estar sendo editada, ou a conexão com a ferramenta de análise está falhando); não é preciso enviá-la de novo.',
      pull_request_opened: 'Sua correção aguarda a análise da equipe editorial da rede.',
      accepted: 'A correção foi aceita: a ficha vai mostrá-la depois da próxima publicação.',
      declined: 'A equipe editorial não aplicou esta correção.',
    },
    nextSteps: 'A equipe editorial analisa as correções uma a uma; ela pode escrever para o endereço que você informou.',
    backToEntry: 'Voltar à ficha',
    unknownEntryTitle: 'Ficha não encontrada',
    unknownEntry: 'O diretório não tem nenhuma ficha neste endereço.',
    answers: {
      invalid: 'A correção tem problemas; nada foi enviado.',
      tooLarge: 'A correção é longa demais; encurte os textos mais longos.',
      unsupported: 'A correção deve ser enviada como formulário ou em JSON.',
      duplicate: 'Esta correção conflita com outra.',
      unavailable: 'Não conseguimos receber sua correção por um problema do nosso lado. Nada foi salvo: tente de novo em alguns minutos.',
      rateLimited: 'Envios demais a partir da sua conexão; espere um minuto e tente de novo.',
      network: 'Não foi possível enviar a correção: verifique sua conexão e tente de novo. Suas respostas continuam aqui.',
      crossSite: 'As correções só são aceitas pelo formulário deste site. Preencha o formulário desta página.',
    },
  },
  it: {
    pageTitle: (name) => `Proponi una correzione: ${name}`,
    intro:
      'Cambia qui sotto ciò che è sbagliato o superato e lascia il resto com’è. La redazione della rete controlla ogni correzione prima di pubblicarla e può scriverti al riguardo.',
    introPrivacy:
      'Quello che proponi sul gruppo è pubblico dal momento dell’invio (una proposta di modifica nel repository pubblico dell’annuario). I tuoi recapiti e il tuo messaggio alla redazione restano privati, cifrati per la redazione.',
    sectionEntry: 'La scheda come dovrebbe essere',
    sectionSource: 'Da dove viene questa informazione',
    sourceUrl: { label: 'Una pagina che mostri l’informazione corretta', hint: 'Il sito del gruppo, un annuncio… Che inizi con https:// o http://' },
    speaksForGroup: { legend: 'Parli a nome di questo gruppo?', yes: 'Sì, ne sono iscritto/a o responsabile', no: 'No' },
    relationClaim: {
      label: 'Il rapporto del gruppo con la rete è cambiato?',
      hint: 'Per esempio «ha aderito alla rete all’incontro del 2025». La redazione lo verifica su una fonte; da solo non cambia la scheda.',
    },
    submit: 'Invia la correzione',
    thanksTitle: 'Grazie: abbiamo ricevuto la tua correzione',
    states: {
      received: 'La tua correzione è in corso di trasmissione alla redazione.',
      queued:
        'La tua correzione è conservata al sicuro e arriverà automaticamente alla redazione (la scheda potrebbe essere in modifica, o il collegamento con lo strumento di revisione non funziona); non serve inviarla di nuovo.',
      pull_request_opened: 'La tua correzione è in attesa di esame da parte della redazione della rete.',
      accepted: 'La correzione è accettata: la scheda la mostrerà dopo la prossima pubblicazione.',
      declined: 'La redazione non ha applicato questa correzione.',
    },
    nextSteps: 'La redazione esamina le correzioni una per una; può scriverti all’indirizzo che hai indicato.',
    backToEntry: 'Torna alla scheda',
    unknownEntryTitle: 'Scheda non trovata',
    unknownEntry: 'L’annuario non ha nessuna scheda a questo indirizzo.',
    answers: {
      invalid: 'La correzione contiene errori; non è stato inviato nulla.',
      tooLarge: 'La correzione è troppo lunga; accorcia i testi più lunghi.',
      unsupported: 'La correzione va inviata come modulo o in JSON.',
      duplicate: 'Questa correzione è in conflitto con un’altra.',
      unavailable: 'Non abbiamo potuto ricevere la tua correzione per un problema da parte nostra. Non è stato salvato nulla: riprova tra qualche minuto.',
      rateLimited: 'Troppi invii dalla tua connessione; aspetta un minuto e riprova.',
      network: 'Non è stato possibile inviare la correzione: controlla la connessione e riprova. Le tue risposte sono ancora qui.',
      crossSite: 'Le correzioni sono accettate solo dal modulo di questo sito. Compila il modulo di questa pagina.',
    },
  },
  de: {
    pageTitle: (name) => `Korrektur vorschlagen: ${name}`,
    intro:
      'Ändert unten, was falsch oder veraltet ist, und lasst den Rest, wie er ist. Die Redaktion des Netzwerks prüft jede Korrektur vor der Veröffentlichung und schreibt euch womöglich dazu.',
    introPrivacy:
      'Was ihr über die Gruppe vorschlagt, ist ab dem Absenden öffentlich (ein Änderungsvorschlag im öffentlichen Repository des Verzeichnisses). Deine Kontaktdaten und deine Nachricht an die Redaktion bleiben privat, für die Redaktion verschlüsselt.',
    sectionEntry: 'Der Eintrag, wie er lauten sollte',
    sectionSource: 'Woher diese Angaben stammen',
    sourceUrl: { label: 'Eine Seite, die die richtigen Angaben zeigt', hint: 'Die Website der Gruppe, eine Mitteilung … Beginnend mit https:// oder http://' },
    speaksForGroup: { legend: 'Sprichst du für diese Gruppe?', yes: 'Ja, ich bin Mitglied oder habe eine Funktion in der Gruppe', no: 'Nein' },
    relationClaim: {
      label: 'Hat sich die Beziehung der Gruppe zum Netzwerk geändert?',
      hint: 'Zum Beispiel „ist beim Treffen 2025 dem Netzwerk beigetreten“. Die Redaktion prüft das anhand einer Quelle; allein ändert es den Eintrag nicht.',
    },
    submit: 'Korrektur absenden',
    thanksTitle: 'Danke: Eure Korrektur ist eingegangen',
    states: {
      received: 'Eure Korrektur wird an die Redaktion weitergeleitet.',
      queued:
        'Eure Korrektur ist sicher gespeichert und erreicht die Redaktion automatisch (der Eintrag wird vielleicht gerade bearbeitet, oder die Verbindung zu ihrem Prüfwerkzeug ist gestört); ihr müsst sie nicht noch einmal senden.',
      pull_request_opened: 'Eure Korrektur wartet auf die Prüfung durch die Redaktion des Netzwerks.',
      accepted: 'Die Korrektur ist angenommen: Der Eintrag zeigt sie nach der nächsten Veröffentlichung.',
      declined: 'Die Redaktion hat diese Korrektur nicht übernommen.',
    },
    nextSteps: 'Die Redaktion prüft Korrekturen von Hand; sie schreibt euch womöglich an die angegebene Adresse.',
    backToEntry: 'Zurück zum Eintrag',
    unknownEntryTitle: 'Eintrag nicht gefunden',
    unknownEntry: 'Das Verzeichnis hat unter dieser Adresse keinen Eintrag.',
    answers: {
      invalid: 'Die Korrektur enthält Fehler; es wurde nichts gesendet.',
      tooLarge: 'Die Korrektur ist zu lang; kürzt die längsten Texte.',
      unsupported: 'Die Korrektur muss als Formular oder als JSON gesendet werden.',
      duplicate: 'Diese Korrektur widerspricht einer anderen.',
      unavailable:
        'Wegen eines Problems auf unserer Seite konnten wir eure Korrektur nicht entgegennehmen. Es wurde nichts gespeichert: Versucht es in ein paar Minuten erneut.',
      rateLimited: 'Zu viele Sendungen von eurer Verbindung; wartet eine Minute und versucht es erneut.',
      network: 'Die Korrektur konnte nicht gesendet werden: Prüft eure Verbindung und versucht es erneut. Eure Angaben sind noch da.',
      crossSite: 'Korrekturen werden nur über das Formular dieser Website angenommen. Füllt das Formular auf dieser Seite aus.',
    },
  },
};
