/**
 * `npm run build:content`: validates content/ and writes the artefact to generated/ (or ARTEFACT_DIR);
 * on any problem lists them all, exits 1 and keeps the previous artefact (src/content/write-artefact.ts).
 */
import { join, resolve } from 'node:path';
import { buildContent } from '../src/content/write-artefact.ts';
import { locateCity } from '../src/geo/locate-city.ts';
import { PROJECT_ROOT } from './project-root.ts';

async function main() {
  const root = process.env.CONTENT_ROOT ? resolve(process.env.CONTENT_ROOT) : PROJECT_ROOT;
  const outDir = process.env.ARTEFACT_DIR ? resolve(process.env.ARTEFACT_DIR) : join(PROJECT_ROOT, 'generated');
  const started = performance.now();
  const result = await buildContent(root, outDir, { locate: locateCity });
  if (!result.ok) {
    console.error(`Content build failed: ${result.messages.length} problem(s). The previous artefact was kept.\n`);
    for (const m of result.messages) console.error(`  ${m}`);
    process.exit(1);
  }
  const { entries, version } = result.artefact;
  console.log(`Content build: ${entries.length} groups, version ${version}, ${Math.round(performance.now() - started)} ms → ${join(outDir, 'directory.mjs')}`);
}

await main();
