/**
 * The languages the public pages are written in, their addresses, and every sentence the pages
 * and exports show. Content texts (summaries, purposes) come from the entries; taxonomy, country
 * and language names come from the artefact and `Intl` (see directory/present.ts).
 *
 * English lives at `/`, French under `/fr/` (addresses: src/schema/routes.ts): static files cannot
 * vary by query string, and a path prefix is what search engines and `hreflang` expect.
 */
import type { FacetName } from '../engine/artefact.ts';
import type { SiteLocale } from '../schema/locales.ts';

/** The locale a site path belongs to. */
export function localeOfPath(pathname: string): SiteLocale {
  return pathname === '/fr' || pathname.startsWith('/fr/') ? 'fr' : 'en';
}

export interface Messages {
  htmlLang: string;
  languageName: string;
  siteName: string;
  tagline: string;
  skipToContent: string;
  navDirectory: string;
  navJoin: string;
  navWidget: string;
  mainNav: string;
  otherLanguages: string;
  listingTitle: string;
  listingIntro: string;
  searchLabel: string;
  searchHint: string;
  searchButton: string;
  filtersHeading: string;
  skipToResults: string;
  facetLegend: Record<FacetName, string>;
  subjectModeLabel: string;
  subjectModeAny: string;
  subjectModeAll: string;
  sortLabel: string;
  sortOptions: Record<'relevance' | 'name' | '-name' | 'updated' | '-updated', string>;
  applyFilters: string;
  clearFilters: string;
  resultsHeading: string;
  resultCount: (total: number) => string;
  pageOf: (page: number, pages: number) => string;
  noResults: string;
  pagination: string;
  previous: string;
  next: string;
  pageLink: (page: number) => string;
  downloadResults: string;
  invalidQuery: string;
  countries: string;
  scope: string;
  city: string;
  structure: string;
  relation: string;
  relationNote: string;
  languages: string;
  founded: string;
  website: string;
  email: string;
  social: string;
  subjects: string;
  sectors: string;
  purpose: string;
  sources: string;
  related: string;
  relatedIntro: string;
  sharedSubjects: string;
  updated: string;
  factsHeading: string;
  dataHeading: string;
  dataJson: string;
  dataMurmurations: string;
  textInOtherLanguage: (language: string) => string;
  backToDirectory: string;
  missingGroup: string;
  joinCall: string;
  /** The entry page's link to its correction form (src/join). */
  correctionCall: string;
  correctionLink: string;
  openData: string;
  feed: string;
  footerNote: string;
  notFoundTitle: string;
  notFoundText: string;
  /** The world map of groups (src/site/map-section.ts) and the entry page's location map. */
  map: {
    heading: string;
    skip: string;
    title: string;
    description: (countries: number) => string;
    noCountries: string;
    country: (name: string, count: string, selected: boolean) => string;
    legend: string;
    noGroup: string;
    tableSummary: string;
    tableCaption: string;
    tableCountry: string;
    tableGroups: string;
    notDrawn: string;
    whereTitle: (place: string) => string;
    whereDescription: (city: string, country: string) => string;
    credit: string;
    placeCredit: string;
  };
}

export const MESSAGES: Record<SiteLocale, Messages> = {
  en: {
    htmlLang: 'en',
    languageName: 'English',
    siteName: 'Solidarity Directory',
    tagline: 'Combative, democratic, self-organised trade unions around the world.',
    skipToContent: 'Skip to content',
    navDirectory: 'Directory',
    navJoin: 'Add your union',
    navWidget: 'Embed on your site',
    mainNav: 'Main',
    otherLanguages: 'Other languages',
    listingTitle: 'Find a union',
    listingIntro: 'Search the directory by name or topic, and narrow it down by country, scope, subject, sector, working language and relation to the network.',
    searchLabel: 'Search',
    searchHint: 'Names, summaries and subjects; accents and capitals do not matter.',
    searchButton: 'Search',
    filtersHeading: 'Filters',
    skipToResults: 'Skip to the results',
    facetLegend: {
      country: 'Country',
      scope: 'Geographic scope',
      subject: 'Subject',
      sector: 'Sector',
      language: 'Working language',
      relation: 'Relation to the network',
      structure: 'Kind of organisation',
    },
    subjectModeLabel: 'Groups with',
    subjectModeAny: 'any chosen subject',
    subjectModeAll: 'all chosen subjects',
    sortLabel: 'Sort by',
    sortOptions: { relevance: 'Relevance', name: 'Name (A–Z)', '-name': 'Name (Z–A)', updated: 'Least recently updated', '-updated': 'Recently updated' },
    applyFilters: 'Apply filters',
    clearFilters: 'Clear search and filters',
    resultsHeading: 'Results',
    resultCount: (n) => (n === 1 ? '1 group' : `${n} groups`),
    pageOf: (page, pages) => `page ${page} of ${pages}`,
    noResults: 'No group matches. Try fewer filters or another word.',
    pagination: 'Pages',
    previous: 'Previous',
    next: 'Next',
    pageLink: (page) => `Page ${page}`,
    downloadResults: 'Download these results',
    invalidQuery: 'Some of the search settings could not be used:',
    countries: 'Countries',
    scope: 'Geographic scope',
    city: 'City',
    structure: 'Kind of organisation',
    relation: 'Relation to the network',
    relationNote: 'As the sources state it',
    languages: 'Working languages',
    founded: 'Founded',
    website: 'Website',
    email: 'Email',
    social: 'Social media',
    subjects: 'Subjects',
    sectors: 'Sectors',
    purpose: 'Purpose',
    sources: 'Sources',
    related: 'Similar topics',
    relatedIntro: 'Groups that share subjects with this one.',
    sharedSubjects: 'Shared subjects',
    updated: 'Last updated',
    factsHeading: 'Facts',
    dataHeading: 'This entry as data',
    dataJson: 'JSON (API)',
    dataMurmurations: 'Murmurations profile',
    textInOtherLanguage: (language) => `This text is in ${language}.`,
    backToDirectory: 'Back to the directory',
    missingGroup: 'Is your union missing?',
    joinCall: 'Ask to be listed',
    correctionCall: 'Is something here wrong or out of date?',
    correctionLink: 'Suggest a correction',
    openData: 'Open data',
    feed: 'Newly added groups (Atom feed)',
    footerNote: 'Entries state only what their sources say. Corrections are welcome.',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no page at this address. The group may have changed its address.',
    map: {
      heading: 'Where the groups are',
      skip: 'Skip the map',
      title: 'World map of the groups by country',
      description: (n) =>
        `${n === 1 ? '1 country has' : `${n} countries have`} groups in this view; the darker a country, the more groups. Each shaded country is a link to its groups. The table under the map has the same figures.`,
      noCountries: 'No country has a group in this view.',
      country: (name, count, selected) => `${name}: ${count}${selected ? ' (chosen)' : ''}`,
      legend: 'Groups per country',
      noGroup: 'none',
      tableSummary: 'The same figures as a table',
      tableCaption: 'Groups in this view by country',
      tableCountry: 'Country',
      tableGroups: 'Groups',
      notDrawn: 'too small to show on the map',
      whereTitle: (place) => `Map: ${place}`,
      whereDescription: (city, country) => `A map of ${country} with a dot where ${city} is.`,
      credit: 'Map data: Natural Earth.',
      placeCredit: 'Place: GeoNames.',
    },
  },
  fr: {
    htmlLang: 'fr',
    languageName: 'Français',
    siteName: 'Annuaire de la solidarité',
    tagline: 'Syndicats combatifs, démocratiques et auto-organisés à travers le monde.',
    skipToContent: 'Aller au contenu',
    navDirectory: 'Annuaire',
    navJoin: 'Ajouter votre syndicat',
    navWidget: 'Intégrer à votre site',
    mainNav: 'Navigation principale',
    otherLanguages: 'Autres langues',
    listingTitle: 'Trouver un syndicat',
    listingIntro: 'Cherchez dans l’annuaire par nom ou par thème, et affinez par pays, échelle, thème, secteur, langue de travail et relation au réseau.',
    searchLabel: 'Recherche',
    searchHint: 'Noms, résumés et thèmes ; accents et majuscules sont indifférents.',
    searchButton: 'Chercher',
    filtersHeading: 'Filtres',
    skipToResults: 'Aller aux résultats',
    facetLegend: {
      country: 'Pays',
      scope: 'Échelle géographique',
      subject: 'Thème',
      sector: 'Secteur',
      language: 'Langue de travail',
      relation: 'Relation au réseau',
      structure: 'Type d’organisation',
    },
    subjectModeLabel: 'Groupes avec',
    subjectModeAny: 'au moins un des thèmes choisis',
    subjectModeAll: 'tous les thèmes choisis',
    sortLabel: 'Trier par',
    sortOptions: {
      relevance: 'Pertinence',
      name: 'Nom (A–Z)',
      '-name': 'Nom (Z–A)',
      updated: 'Mis à jour il y a le plus longtemps',
      '-updated': 'Mis à jour récemment',
    },
    applyFilters: 'Appliquer les filtres',
    clearFilters: 'Effacer la recherche et les filtres',
    resultsHeading: 'Résultats',
    resultCount: (n) => (n <= 1 ? `${n} groupe` : `${n} groupes`),
    pageOf: (page, pages) => `page ${page} sur ${pages}`,
    noResults: 'Aucun groupe ne correspond. Essayez moins de filtres ou un autre mot.',
    pagination: 'Pages',
    previous: 'Précédente',
    next: 'Suivante',
    pageLink: (page) => `Page ${page}`,
    downloadResults: 'Télécharger ces résultats',
    invalidQuery: 'Certains réglages de recherche n’ont pas pu être utilisés :',
    countries: 'Pays',
    scope: 'Échelle géographique',
    city: 'Ville',
    structure: 'Type d’organisation',
    relation: 'Relation au réseau',
    relationNote: 'Selon les sources',
    languages: 'Langues de travail',
    founded: 'Fondation',
    website: 'Site web',
    email: 'Courriel',
    social: 'Réseaux sociaux',
    subjects: 'Thèmes',
    sectors: 'Secteurs',
    purpose: 'Objet',
    sources: 'Sources',
    related: 'Thèmes proches',
    relatedIntro: 'Groupes qui partagent des thèmes avec celui-ci.',
    sharedSubjects: 'Thèmes communs',
    updated: 'Dernière mise à jour',
    factsHeading: 'En bref',
    dataHeading: 'Cette fiche en données',
    dataJson: 'JSON (API)',
    dataMurmurations: 'Profil Murmurations',
    textInOtherLanguage: (language) => `Ce texte est en ${language}.`,
    backToDirectory: 'Retour à l’annuaire',
    missingGroup: 'Votre syndicat n’y est pas ?',
    joinCall: 'Demander à y figurer',
    correctionCall: 'Une information est fausse ou dépassée ?',
    correctionLink: 'Proposer une correction',
    openData: 'Données ouvertes',
    feed: 'Groupes ajoutés récemment (flux Atom)',
    footerNote: 'Les fiches ne disent que ce que disent leurs sources. Les corrections sont bienvenues.',
    notFoundTitle: 'Page introuvable',
    notFoundText: 'Il n’y a pas de page à cette adresse. Le groupe a peut-être changé d’adresse.',
    map: {
      heading: 'Où sont les groupes',
      skip: 'Passer la carte',
      title: 'Carte du monde des groupes par pays',
      description: (n) =>
        `${n <= 1 ? `${n} pays a` : `${n} pays ont`} des groupes dans cette vue ; plus un pays est foncé, plus il en a. Chaque pays coloré est un lien vers ses groupes. Le tableau sous la carte donne les mêmes chiffres.`,
      noCountries: 'Aucun pays n’a de groupe dans cette vue.',
      country: (name, count, selected) => `${name} : ${count}${selected ? ' (choisi)' : ''}`,
      legend: 'Groupes par pays',
      noGroup: 'aucun',
      tableSummary: 'Les mêmes chiffres en tableau',
      tableCaption: 'Groupes de cette vue par pays',
      tableCountry: 'Pays',
      tableGroups: 'Groupes',
      notDrawn: 'trop petit pour figurer sur la carte',
      whereTitle: (place) => `Carte : ${place}`,
      whereDescription: (city, country) => `Carte : ${country}, avec un point à l’emplacement de ${city}.`,
      credit: 'Données cartographiques : Natural Earth.',
      placeCredit: 'Lieu : GeoNames.',
    },
  },
};
