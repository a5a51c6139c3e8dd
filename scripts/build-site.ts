/**
 * `npm run build:site`: the public site's static files, from the content artefact, into dist/.
 *
 *   dist/index.html, dist/<lang>/index.html        the directory, unfiltered first page (fr, es, pt, it, de)
 *   dist/groups/<slug>/index.html (+ dist/<lang>/…) every entry, in every site language
 *   dist/404.html, dist/<lang>/404.html            what Netlify serves for unknown addresses
 *   dist/_redirects                                each language's 404 for addresses under its prefix
 *   dist/sitemap.xml, dist/robots.txt              every page in every language, with its alternates
 *   dist/assets/site.css                           the one stylesheet (the join pages link it too)
 *   dist/widget.js                                 <solidarity-directory>, bundled and minified, its texts in every language
 *   dist/widget-example.html (+ dist/<lang>/…)     every widget attribute, live
 *
 * Filtered listings (`/groups?…`) are rendered by netlify/functions/site-listing.mts with the same
 * template. Run after `npm run build:content`. Only the paths above are replaced, so the admin
 * build and anything else in dist/ are left alone.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Artefact } from '../src/directory/artefact.ts';
import { FACETS } from '../src/directory/artefact.ts';
import { createDirectory } from '../src/directory/directory.ts';
import { PER_PAGE_MAX } from '../src/schema/query.ts';
import { renderEntryPage } from '../src/site/entry-page.ts';
import { widgetMessages } from '../src/i18n/widget-messages.ts';
import { SITE_LOCALES, paths, prefix } from '../src/site/paths.ts';
import { robotsTxt, sitemapXml } from '../src/site/sitemap.ts';
import { renderListing } from '../src/site/listing-page.ts';
import { notFoundPath, renderNotFoundPage } from '../src/site/not-found-page.ts';
import { NETWORK_SLUG, resolveNetwork, siteBaseUrl } from '../src/site/site-config.ts';
import { renderWidgetExamplePage } from '../src/site/widget-example-page.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles site/widget/widget.ts into one minified classic script, the lists it needs injected:
 * the facets, the languages, and only the catalogues' `widget.*` texts (src/i18n/widget-messages.ts).
 */
export async function bundleWidget(root = PROJECT_ROOT): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'site/widget/widget.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    define: {
      __FILTERS__: JSON.stringify(FACETS),
      __LOCALES__: JSON.stringify(SITE_LOCALES),
      __MESSAGES__: JSON.stringify(widgetMessages()),
      __PER_PAGE_MAX__: String(PER_PAGE_MAX),
    },
  });
  return result.outputFiles[0]!.text;
}

export interface SiteBuild {
  files: string[];
}

/** The paths under dist/ this build owns; each build replaces them whole. */
const OWNED = [
  'index.html', '404.html', '_redirects', 'sitemap.xml', 'robots.txt', 'groups', 'assets/site.css', 'widget.js', 'widget-example.html',
  ...SITE_LOCALES.map(prefix).filter(Boolean).map((p) => p.slice(1)),
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

  for (const locale of SITE_LOCALES) {
    const home = renderListing(dir, locale, new URLSearchParams(), { baseUrl, home: true });
    await write(join(paths.home(locale), 'index.html'), home.body);
    for (let doc = 0; doc < dir.size; doc++) {
      const slug = artefact.entries[doc]!.slug;
      await write(join(paths.entry(locale, slug), 'index.html'), renderEntryPage(dir, doc, locale, baseUrl, network));
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
  await mkdir(join(outDir, 'assets'), { recursive: true });
  await copyFile(join(root, 'site/site.css'), join(outDir, 'assets/site.css'));
  files.push('assets/site.css');
  return { files: files.map((f) => f.replace(/^\/+/, '')) };
}

async function main() {
  const started = performance.now();
  const artefactPath = process.env.ARTEFACT_DIR ? join(resolve(process.env.ARTEFACT_DIR), 'directory.mjs') : join(PROJECT_ROOT, 'generated/directory.mjs');
  let artefact: Artefact;
  try {
    artefact = (await import(pathToFileURL(artefactPath).href)).default as Artefact;
  } catch (error) {
    console.error(`Site build failed: cannot read the content artefact ${artefactPath} (${(error as Error).message}). Run \`npm run build:content\` first.`);
    process.exit(1);
  }
  let base: ReturnType<typeof siteBaseUrl>;
  try {
    base = siteBaseUrl(process.env);
  } catch (error) {
    console.error(`Site build failed: ${(error as Error).message}`);
    process.exit(1);
  }
  if (base.source === 'default') console.warn(`Site build: neither SITE_URL nor URL is set; canonical links and JSON-LD use ${base.url}.`);
  if (!resolveNetwork(createDirectory(artefact))) {
    console.error(`Site build failed: the network's own entry "${NETWORK_SLUG}" (NETWORK_SLUG in src/site/site-config.ts) is not in the directory; memberOf links need it.`);
    process.exit(1);
  }
  const outDir = process.env.SITE_DIR ? resolve(process.env.SITE_DIR) : join(PROJECT_ROOT, 'dist');
  const { files } = await buildSite(artefact, outDir, base.url);
  const widget = await readFile(join(outDir, 'widget.js'));
  console.log(`Site build: ${files.length} files for ${base.url}, widget ${widget.length} bytes, ${Math.round(performance.now() - started)} ms → ${outDir}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
