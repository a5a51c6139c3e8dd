/**
 * `npm run build:site`: the public site's static files, from the content artefact, into dist/.
 *
 *   dist/index.html, dist/fr/index.html            the directory, unfiltered first page
 *   dist/groups/<slug>/index.html (+ dist/fr/…)    every entry, in every site language
 *   dist/404.html                                  what Netlify serves for unknown addresses
 *   dist/assets/site.css                           the one stylesheet (the join pages link it too)
 *   dist/assets/world-map.svg                      the grey world under every map (src/site/map-section.ts)
 *   dist/widget.js                                 <solidarity-directory>, bundled and minified
 *   dist/widget-map.js                             its world map, loaded only by widgets with `map`
 *   dist/widget-example.html                       every widget attribute, live
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
import { SITE_LOCALES, paths } from '../src/site/i18n.ts';
import { renderListing } from '../src/site/listing-page.ts';
import { baseLayerSvg } from '../src/map/choropleth.ts';
import { WORLD } from '../src/map/world-shapes.ts';
import { WORLD_MAP_ASSET } from '../src/site/map-section.ts';
import { renderNotFoundPage } from '../src/site/not-found-page.ts';
import { NETWORK_SLUG, resolveNetwork, siteBaseUrl } from '../src/site/site-config.ts';
import { renderWidgetExamplePage } from '../src/site/widget-example-page.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles site/widget/widget.ts into one minified classic script, the lists it needs injected. */
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
      __PER_PAGE_MAX__: String(PER_PAGE_MAX),
    },
  });
  return result.outputFiles[0]!.text;
}

/**
 * Bundles site/widget/map.ts: the world map a widget with `map` loads lazily (the shapes make it
 * larger than widget.js itself, and most embeds never show a map).
 */
export async function bundleWidgetMap(root = PROJECT_ROOT): Promise<string> {
  const result = await build({ entryPoints: [join(root, 'site/widget/map.ts')], bundle: true, minify: true, format: 'iife', target: 'es2020', write: false, legalComments: 'none' });
  return result.outputFiles[0]!.text;
}

export interface SiteBuild {
  files: string[];
}

/** The paths under dist/ this build owns; each build replaces them whole. */
const OWNED = ['index.html', '404.html', 'groups', 'fr', 'assets/site.css', 'assets/world-map.svg', 'widget.js', 'widget-map.js', 'widget-example.html'];

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
  await write('widget-example.html', renderWidgetExamplePage(baseUrl));
  await write('widget.js', await bundleWidget(root));
  await write('widget-map.js', await bundleWidgetMap(root));
  await mkdir(join(outDir, 'assets'), { recursive: true });
  await copyFile(join(root, 'site/site.css'), join(outDir, 'assets/site.css'));
  files.push('assets/site.css');
  await write(WORLD_MAP_ASSET, baseLayerSvg(WORLD));
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
  const widgetMap = await readFile(join(outDir, 'widget-map.js'));
  console.log(`Site build: ${files.length} files for ${base.url}, widget ${widget.length} bytes (its map ${widgetMap.length} bytes), ${Math.round(performance.now() - started)} ms → ${outDir}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
