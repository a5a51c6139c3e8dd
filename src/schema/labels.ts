/**
 * Human labels of the schema's own enumerations, in the directory's languages. Typed by the
 * enums themselves, so adding a value to the schema without a label fails type-checking.
 * Country and language names are not here: they come from `Intl.DisplayNames` (codes.ts).
 */
import type { GeographicScope, NetworkRelation, Structure } from './entry.ts';
import type { ContentLocale } from './locales.ts';

type Labels<K extends string> = Record<K, { en: string; fr: string } & Partial<Record<ContentLocale, string>>>;

export const SCOPE_LABELS: Labels<GeographicScope> = {
  international: { en: 'International', fr: 'International', es: 'Internacional', pt: 'Internacional', it: 'Internazionale', de: 'International' },
  national: { en: 'National', fr: 'National', es: 'Nacional', pt: 'Nacional', it: 'Nazionale', de: 'National' },
  regional: { en: 'Regional', fr: 'Régional', es: 'Regional', pt: 'Regional', it: 'Regionale', de: 'Regional' },
  local: { en: 'Local', fr: 'Local', es: 'Local', pt: 'Local', it: 'Locale', de: 'Lokal' },
};

export const RELATION_LABELS: Labels<NetworkRelation> = {
  founding_member: {
    en: 'Founding member',
    fr: 'Membre fondateur',
    es: 'Miembro fundador',
    pt: 'Membro fundador',
    it: 'Membro fondatore',
    de: 'Gründungsmitglied',
  },
  member: { en: 'Member', fr: 'Membre', es: 'Miembro', pt: 'Membro', it: 'Membro', de: 'Mitglied' },
  participant: { en: 'Participant', fr: 'Participant', es: 'Participante', pt: 'Participante', it: 'Partecipante', de: 'Teilnehmend' },
  observer: { en: 'Observer', fr: 'Observateur', es: 'Observador', pt: 'Observador', it: 'Osservatore', de: 'Beobachtend' },
  none: {
    en: 'No stated relation',
    fr: 'Aucune relation indiquée',
    es: 'Sin relación indicada',
    pt: 'Sem relação indicada',
    it: 'Nessuna relazione indicata',
    de: 'Keine angegebene Beziehung',
  },
};

export const STRUCTURE_LABELS: Labels<Structure> = {
  union: { en: 'Union', fr: 'Syndicat', es: 'Sindicato', pt: 'Sindicato', it: 'Sindacato', de: 'Gewerkschaft' },
  confederation: { en: 'Confederation', fr: 'Confédération', es: 'Confederación', pt: 'Confederação', it: 'Confederazione', de: 'Konföderation' },
  federation: { en: 'Federation', fr: 'Fédération', es: 'Federación', pt: 'Federação', it: 'Federazione', de: 'Föderation' },
  network: { en: 'Network', fr: 'Réseau', es: 'Red', pt: 'Rede', it: 'Rete', de: 'Netzwerk' },
  coordination: { en: 'Coordination', fr: 'Coordination', es: 'Coordinadora', pt: 'Coordenação', it: 'Coordinamento', de: 'Koordination' },
  collective: { en: 'Collective', fr: 'Collectif', es: 'Colectivo', pt: 'Coletivo', it: 'Collettivo', de: 'Kollektiv' },
  association: { en: 'Association', fr: 'Association', es: 'Asociación', pt: 'Associação', it: 'Associazione', de: 'Verein' },
  other: { en: 'Other', fr: 'Autre', es: 'Otro', pt: 'Outro', it: 'Altro', de: 'Andere' },
};

export function labelIn<K extends string>(labels: Labels<K>, key: K, locale: ContentLocale): string {
  const l = labels[key];
  return l[locale] ?? l.en;
}
