/** `npm run build:admin`: Decap CMS and the project's admin code into dist/admin/ (src/cms/build-admin.ts). */
import { buildAdmin } from '../src/cms/build-admin.ts';
import { CmsSettingsError } from '../src/cms/backend-settings.ts';
import { PROJECT_ROOT } from './project-root.ts';

async function main() {
  const started = performance.now();
  try {
    const { outDir, bytes, summary } = await buildAdmin(PROJECT_ROOT, process.env);
    console.log(`Admin build: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms → ${outDir} (${summary})`);
  } catch (error) {
    if (error instanceof CmsSettingsError) {
      console.error(`Admin build failed: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

await main();
