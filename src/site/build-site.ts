/**
 * The site build (`npm run build:site`, scripts/build-site.ts): the public site's static files, from the content artefact, into dist/.
 *
 *   dist/index.html, dist/<lang>/index.html        the directory, unfiltered first page (fr, es, pt, it, de)
 *   dist/groups/<slug>/index.html (+ dist/<lang>/…) every entry, in every site language
 *   dist/404.html, dist/<lang>/404.html            what Netlify serves for unknown addresses
 *   dist/_redirects                                each language's 404 for addresses under its prefix
 *   dist/sitemap.xml, dist/robots.txt              every page in every language, with its alternates
 *   dist/assets/site.css                           the one stylesheet (the join pages link it too)
 *   dist/assets/join-form.js                       the join form's script (src/browser/join-form)
 *   dist/assets/world-map.svg                      the grey world under every map (src/site/map-section.ts)
 *   dist/widget.js                                 <solidarity-directory>, bundled and minified, its texts in every language
 *   dist/widget-map.js                             its world map, loaded only by widgets with `map`
 *   dist/widget-example.html (+ dist/<lang>/…)     every widget attribute, live
 *
 * Filtered listings (`/groups?…`) are rendered by netlify/functions/site-listing.mts with the same
 * template. Run after `npm run build:content`. Only the paths above are replaced, so the admin
 * build and anything else in dist/ are left alone.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Artefact } from '../engine/artefact.ts';
import { FACETS } from '../engine/artefact.ts';
import { createDirectory } from '../engine/directory.ts';
import { PER_PAGE_MAX } from '../schema/query.ts';
import { renderEntryPage } from './entry-page.ts';
import { locateEntry } from './where-map.ts';
import { widgetMessages } from '../i18n/widget-messages.ts';
import { paths, prefix, SITE_LOCALES } from './paths.ts';
import { robotsTxt, sitemapXml } from './sitemap.ts';
import { renderListing } from './listing-page.ts';
import { baseLayerSvg } from '../map/choropleth.ts';
import { WORLD } from '../map/world-shapes.ts';
import { WORLD_MAP_ASSET } from './map-section.ts';
import { notFoundPath, renderNotFoundPage } from './not-found-page.ts';
import { resolveNetwork } from '../engine/network.ts';
import { renderWidgetExamplePage } from './widget-example-page.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** One browser entry point (src/browser/…) → one minified classic script, with `define`d constants. */
async function bundleBrowserScript(root: string, entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src/browser', entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    define,
  });
  return result.outputFiles[0]!.text;
}

/**
 * Bundles src/browser/widget/widget.ts, the lists it needs injected: the facets, the languages, and
 * only the catalogues' `widget.*` texts (src/i18n/widget-messages.ts).
 */
export function bundleWidget(root = PROJECT_ROOT): Promise<string> {
  return bundleBrowserScript(root, 'widget/widget.ts', {
    __FILTERS__: JSON.stringify(FACETS),
    __LOCALES__: JSON.stringify(SITE_LOCALES),
    __MESSAGES__: JSON.stringify(widgetMessages()),
    __PER_PAGE_MAX__: String(PER_PAGE_MAX),
  });
}

/** Bundles the join form's script (src/browser/join-form/join-form.ts), loaded by the join pages. */
export function bundleJoinForm(root = PROJECT_ROOT): Promise<string> {
  return bundleBrowserScript(root, 'join-form/join-form.ts');
}

/**
 * Bundles src/browser/widget/map.ts: the world map a widget with `map` loads lazily (the shapes
 * make it larger than widget.js itself, and most embeds never show a map).
 */
export function bundleWidgetMap(root = PROJECT_ROOT): Promise<string> {
  return bundleBrowserScript(root, 'widget/map.ts');
}

export interface SiteBuild {
  files: string[];
}

/** The paths under dist/ this build owns; each build replaces them whole. */
const OWNED = [
  'index.html',
  '404.html',
  '_redirects',
  'sitemap.xml',
  'robots.txt',
  'groups',
  ...SITE_LOCALES.map(prefix)
    .filter(Boolean)
    .map((p) => p.slice(1)),
  'assets/site.css',
  'assets/join-form.js',
  'assets/world-map.svg',
  'widget.js',
  'widget-map.js',
  'widget-example.html',
];

export async function buildSite(artefact: Artefact, outDir: string, baseUrl: string, root = PROJECT_ROOT): Promise<SiteBuild> {
  const dir = createDirectory(artefact);
  const network = resolveNetwork(dir);
  const files: string[] = [];
  const write = async (path: string, text: string) => {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    files.push(path);
  };
  for (const path of OWNED) await rm(join(outDir, path), { recursive: true, force: true });

  // Entries that state a city get a map with it on their pages, when the gazetteer knows it.
  const places = artefact.entries.map((e) => locateEntry(e.city, e.countries));
  for (const locale of SITE_LOCALES) {
    const home = renderListing(dir, locale, new URLSearchParams(), { baseUrl, home: true });
    await write(join(paths.home(locale), 'index.html'), home.body);
    for (let doc = 0; doc < dir.size; doc++) {
      const slug = artefact.entries[doc]!.slug;
      await write(join(paths.entry(locale, slug), 'index.html'), renderEntryPage(dir, doc, locale, baseUrl, network, places[doc]));
    }
  }
  await write('404.html', renderNotFoundPage(baseUrl));
  const notFoundRules: string[] = [];
  for (const locale of SITE_LOCALES) {
    await write(paths.widgetExample(locale), renderWidgetExamplePage(baseUrl, locale));
    if (!prefix(locale)) continue;
    await write(notFoundPath(locale), renderNotFoundPage(baseUrl, locale));
    notFoundRules.push(`${prefix(locale)}/*  ${notFoundPath(locale)}  404`);
  }
  // Unmatched addresses under a language's prefix get that language's 404 (a rule applies only when
  // no file or function answers). https://docs.netlify.com/routing/redirects/redirect-options/#custom-404-page-handling
  await write('_redirects', `${notFoundRules.join('\n')}\n`);
  await write('sitemap.xml', sitemapXml(dir, baseUrl));
  await write('robots.txt', robotsTxt(baseUrl));
  await write('widget.js', await bundleWidget(root));
  await write('widget-map.js', await bundleWidgetMap(root));
  await write('assets/join-form.js', await bundleJoinForm(root));
  await mkdir(join(outDir, 'assets'), { recursive: true });
  await copyFile(join(root, 'public/site.css'), join(outDir, 'assets/site.css'));
  files.push('assets/site.css');
  await write(WORLD_MAP_ASSET, baseLayerSvg(WORLD));
  return { files: files.map((f) => f.replace(/^\/+/, '')) };
}
