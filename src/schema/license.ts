/**
 * The licences, declared once: the OpenAPI document, the Atom feed's <rights>, the JSON-LD of the
 * pages, the Murmurations profiles, the exports' `Link: rel="license"` headers and the docs say
 * these. Why these two: README.md, "Licences".
 */

/** The directory's data: every entry, in every format. */
export const DATA_LICENSE = {
  /** SPDX identifier (https://spdx.org/licenses/CC-BY-4.0.html). */
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  short: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  /** How to credit: the directory, and the sources each entry lists. */
  attribution: 'Solidarity Directory contributors, and the sources each entry lists',
} as const;

/** The software (this repository). */
export const CODE_LICENSE = {
  id: 'MIT',
  name: 'MIT License',
  url: 'https://opensource.org/license/mit',
} as const;

/** The sentence feeds and headers carry. */
export function dataRights(): string {
  return `© ${DATA_LICENSE.attribution}. Licensed under ${DATA_LICENSE.short}: ${DATA_LICENSE.url}`;
}
