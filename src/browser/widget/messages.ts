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
  /** The `map` attribute's world map (src/browser/widget/map.ts). */
  map: {
    title: string;
    description: (countries: number) => string;
    none: string;
    country: (name: string, count: number, chosen: boolean) => string;
    legend: string;
    noGroup: string;
    tableSummary: string;
    tableCountry: string;
    tableGroups: string;
    allCountries: string;
    unavailable: string;
  };
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
    map: {
      title: 'World map of the groups by country',
      description: (n) =>
        `${n === 1 ? '1 country has' : `${n} countries have`} groups here; the darker a country, the more groups. Choose a country to list its groups.`,
      none: 'No country has a group here.',
      country: (name, n, chosen) => `${name}: ${n === 1 ? '1 group' : `${n} groups`}${chosen ? ' (chosen)' : ''}`,
      legend: 'Groups per country',
      noGroup: 'none',
      tableSummary: 'The same figures as a table',
      tableCountry: 'Country',
      tableGroups: 'Groups',
      allCountries: 'Show every country',
      unavailable: 'The map could not be loaded.',
    },
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
    map: {
      title: 'Carte du monde des groupes par pays',
      description: (n) =>
        `${n <= 1 ? `${n} pays a` : `${n} pays ont`} des groupes ici ; plus un pays est foncé, plus il en a. Choisissez un pays pour lister ses groupes.`,
      none: 'Aucun pays n’a de groupe ici.',
      country: (name, n, chosen) => `${name} : ${n <= 1 ? `${n} groupe` : `${n} groupes`}${chosen ? ' (choisi)' : ''}`,
      legend: 'Groupes par pays',
      noGroup: 'aucun',
      tableSummary: 'Les mêmes chiffres en tableau',
      tableCountry: 'Pays',
      tableGroups: 'Groupes',
      allCountries: 'Afficher tous les pays',
      unavailable: 'La carte n’a pas pu être chargée.',
    },
  },
};
