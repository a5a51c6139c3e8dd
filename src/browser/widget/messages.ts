/** The widget's own sentences, in the site's languages (see src/site/i18n.ts for the pages'). */
export interface WidgetMessages {
  region: string;
  searchLabel: string;
  searchButton: string;
  loading: string;
  count: (total: number) => string;
  pageOf: (page: number, pages: number) => string;
  none: string;
  unreachable: string;
  refused: string;
  retry: string;
  previous: string;
  next: string;
  pages: string;
  seeAll: string;
}

export const WIDGET_MESSAGES: Record<string, WidgetMessages> = {
  en: {
    region: 'Solidarity Directory',
    searchLabel: 'Search the directory',
    searchButton: 'Search',
    loading: 'Loading…',
    count: (n) => (n === 1 ? '1 group' : `${n} groups`),
    pageOf: (p, n) => `page ${p} of ${n}`,
    none: 'No group matches.',
    unreachable: 'The directory could not be reached.',
    refused: 'The directory refused this embed’s settings:',
    retry: 'Try again',
    previous: 'Previous',
    next: 'Next',
    pages: 'Pages',
    seeAll: 'See these groups in the Solidarity Directory',
  },
  fr: {
    region: 'Annuaire de la solidarité',
    searchLabel: 'Rechercher dans l’annuaire',
    searchButton: 'Chercher',
    loading: 'Chargement…',
    count: (n) => (n <= 1 ? `${n} groupe` : `${n} groupes`),
    pageOf: (p, n) => `page ${p} sur ${n}`,
    none: 'Aucun groupe ne correspond.',
    unreachable: 'L’annuaire est injoignable.',
    refused: 'L’annuaire a refusé les réglages de cette intégration :',
    retry: 'Réessayer',
    previous: 'Précédente',
    next: 'Suivante',
    pages: 'Pages',
    seeAll: 'Voir ces groupes dans l’Annuaire de la solidarité',
  },
};
