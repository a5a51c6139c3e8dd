/** The world map's texts in a page's language, from the catalogues (`map.*`), in the shape map-section.ts and where-map.ts read. */
import { t, type Locale } from '../i18n/index.ts';

export function mapTexts(locale: Locale) {
  return {
    heading: t(locale, 'map.heading'),
    skip: t(locale, 'map.skip'),
    title: t(locale, 'map.title'),
    description: (countries: number) => t(locale, 'map.description', { count: countries }),
    noCountries: t(locale, 'map.noCountries'),
    country: (name: string, count: string, selected: boolean) => t(locale, selected ? 'map.countryChosen' : 'map.country', { name, count }),
    legend: t(locale, 'map.legend'),
    noGroup: t(locale, 'map.noGroup'),
    tableSummary: t(locale, 'map.tableSummary'),
    tableCaption: t(locale, 'map.tableCaption'),
    tableCountry: t(locale, 'map.tableCountry'),
    tableGroups: t(locale, 'map.tableGroups'),
    notDrawn: t(locale, 'map.notDrawn'),
    whereTitle: (place: string) => t(locale, 'map.whereTitle', { place }),
    whereDescription: (city: string, country: string) => t(locale, 'map.whereDescription', { city, country }),
    credit: t(locale, 'map.credit'),
    placeCredit: t(locale, 'map.placeCredit'),
  };
}
