/**
 * The admin build (`npm run build:admin`, scripts/build-admin.ts): bundles Decap CMS from npm with the project's admin code into
 * dist/admin/ (cms.js, index.html), minified for production, with the CMS config derived from the
 * schema and the deploy settings (src/cms/backend-settings.ts) baked in. No script comes from a CDN.
 */
import { build } from 'esbuild';
import { copyFile, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { backendSettingsFromEnv } from './backend-settings.ts';
import { buildCmsConfig } from './cms-config.ts';
import { localiseCmsConfig } from './localise-config.ts';
import { deskMessages } from '../i18n/desk-messages.ts';
import { LOCALES } from '../i18n/index.ts';

/**
 * The Applications page's script (admin/applications.ts): age-encryption, and only the catalogues'
 * desk texts (src/i18n/desk-messages.ts) injected as `__DESK_MESSAGES__`, not the whole catalogues.
 */
export async function bundleDesk(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'admin', 'applications.ts')],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    define: { __DESK_MESSAGES__: JSON.stringify(deskMessages()) },
    legalComments: 'eof', // age-encryption's licences, at the end of the file
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

export async function buildAdmin(root: string, env: Record<string, string | undefined>): Promise<{ outDir: string; bytes: number; summary: string }> {
  const backend = backendSettingsFromEnv(env);
  const config = buildCmsConfig({ backend });
  // One configuration per editor's language; admin/cms.ts chooses one before starting Decap.
  const configs = Object.fromEntries(LOCALES.map((locale) => [locale, localiseCmsConfig(config, locale)]));
  const outDir = join(root, 'dist', 'admin');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'admin', 'cms.ts')],
    outfile: join(outDir, 'cms.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    // Decap's packages ship ES modules for bundlers next to UMD builds; take the modules.
    mainFields: ['module', 'browser', 'main'],
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
      __CMS_CONFIGS__: JSON.stringify(configs),
      __CMS_LOCALES__: JSON.stringify(LOCALES),
    },
    // Decap's optional WebP encoder references .wasm files; media uploads are unused here.
    loader: { '.wasm': 'file' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  // The Applications page: its own small bundle, no inline script, so it works under the strict
  // CSP of /admin/ (script-src 'self').
  await writeFile(join(outDir, 'applications.js'), await bundleDesk(root));
  for (const name of ['index.html', 'applications.html', 'applications.css', 'desk-link.css']) await copyFile(join(root, 'admin', name), join(outDir, name));
  const { size } = await stat(join(outDir, 'cms.js'));
  const where = backend.repo
    ? `GitHub ${backend.repo}, branch ${backend.branch}`
    : `no GitHub repository set (GITHUB_REPOSITORY): only the local decap-server works`;
  return { outDir, bytes: size, summary: `${where}; on localhost: decap-server at ${backend.localBackendUrl}` };
}
