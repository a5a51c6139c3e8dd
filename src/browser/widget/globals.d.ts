// Values scripts/build-site.ts injects into the widget bundle (esbuild `define`), derived from the
// schema and the site's languages so the widget never keeps its own copy of those lists.
declare const __FILTERS__: readonly string[];
declare const __LOCALES__: readonly string[];
declare const __PER_PAGE_MAX__: number;
