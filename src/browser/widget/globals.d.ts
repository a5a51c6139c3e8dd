// Values scripts/build-site.ts injects into the widget bundle (esbuild `define`), derived from the
// schema, the site's languages and the catalogues, so the widget never keeps its own copy of them.
declare const __FILTERS__: readonly string[];
declare const __LOCALES__: readonly string[];
declare const __PER_PAGE_MAX__: number;
declare const __MESSAGES__: Record<string, import('../../i18n/widget-messages.ts').WidgetCatalogue>;
