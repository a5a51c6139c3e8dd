// The languages people read the directory in: one line per catalogue. Adding a language is writing
// its catalogue file (typed `Catalogue`, so tsc lists every missing id) and adding its line here.
export { default as en } from './en.ts';
export { default as fr } from './fr.ts';
export { default as es } from './es.ts';
export { default as pt } from './pt.ts';
export { default as it } from './it.ts';
export { default as de } from './de.ts';
