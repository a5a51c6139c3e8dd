/** `npm run build:site`: the public site's static files into dist/ (src/site/build-site.ts). */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDirectory } from '../src/engine/directory.ts';
import type { Artefact } from '../src/engine/artefact.ts';
import { NETWORK_SLUG, resolveNetwork } from '../src/engine/network.ts';
import { buildSite } from '../src/site/build-site.ts';
import { siteBaseUrl } from '../src/site/site-config.ts';
import { PROJECT_ROOT } from './project-root.ts';

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
    console.error(
      `Site build failed: the network's own entry "${NETWORK_SLUG}" (NETWORK_SLUG in src/engine/network.ts) is not in the directory; memberOf links need it.`,
    );
    process.exit(1);
  }
  const outDir = process.env.SITE_DIR ? resolve(process.env.SITE_DIR) : join(PROJECT_ROOT, 'dist');
  const { files } = await buildSite(artefact, outDir, base.url);
  const widget = await readFile(join(outDir, 'widget.js'));
  const widgetMap = await readFile(join(outDir, 'widget-map.js'));
  console.log(
    `Site build: ${files.length} files for ${base.url}, widget ${widget.length} bytes (its map ${widgetMap.length} bytes), ${Math.round(performance.now() - started)} ms → ${outDir}`,
  );
}

await main();
