/**
 * Decap CMS's own configuration validator (`validateConfig` in
 * decap-cms-core/src/constants/configSchema.js: AJV over a JSON Schema that includes every
 * registered widget's option schema), made runnable in Node.
 *
 * Decap's ESM build is meant for bundlers (extensionless imports, React components), so it is
 * bundled here with esbuild: the widgets that `decap-cms-app` registers (read from its
 * dependencies, not listed by hand) are registered with their real option schemas, and only
 * their React control/preview components are replaced by stubs, which validation never calls.
 */
import { build, type Plugin } from 'esbuild';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { PROJECT_ROOT as ROOT } from './project-root.ts';

export interface DecapValidator {
  /** Throws Decap's ConfigError (message: one line per problem) when the config is invalid. */
  validateConfig(config: unknown): void;
  widgetNames: string[];
}

async function widgetPackages(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules/decap-cms-app/package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return Object.keys(pkg.dependencies)
    .filter((name) => name.startsWith('decap-cms-widget-'))
    .sort();
}

/**
 * Inside a widget package, everything but its index and its option schema becomes a stub; so does
 * the store module that decap-cms-core's i18n helpers import for functions validation never calls
 * (it would pull in the whole app, router and all).
 */
const stubComponents: Plugin = {
  name: 'stub-widget-components',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/reducers\/collections$/ }, (args) =>
      /[\\/]decap-cms-core[\\/]dist[\\/]esm[\\/]lib[\\/]i18n\.js$/.test(args.importer) ? { path: args.path, namespace: 'stub' } : undefined,
    );
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (!/[\\/]decap-cms-widget-[^\\/]+[\\/]dist[\\/]esm[\\/]/.test(args.importer)) return undefined;
      if (/^\.\/schema(\.js)?$/.test(args.path)) return undefined;
      return { path: args.path, namespace: 'stub' };
    });
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: `function Stub() { return Stub; } export default Stub; export function selectEntrySlug() { throw new Error('not available in the config validator'); }`,
      loader: 'js',
    }));
  },
};

export async function loadDecapValidator(): Promise<DecapValidator> {
  const packages = await widgetPackages();
  const entry = [
    `import { validateConfig } from 'decap-cms-core/dist/esm/constants/configSchema.js';`,
    `import { registerWidget, getWidgets } from 'decap-cms-core/dist/esm/lib/registry.js';`,
    ...packages.map((p, i) => `import W${i} from '${p}';`),
    `registerWidget([${packages.map((_, i) => `W${i}.Widget()`).join(', ')}]);`,
    `export const widgetNames = getWidgets().map((w) => w.name);`,
    `export { validateConfig };`,
  ].join('\n');
  const dir = await mkdtemp(join(tmpdir(), 'decap-validator-'));
  try {
    const outfile = join(dir, 'validator.mjs');
    await build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
      bundle: true,
      platform: 'node',
      mainFields: ['module', 'main'],
      format: 'esm',
      outfile,
      logLevel: 'silent',
      plugins: [stubComponents],
      banner: { js: `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);` },
    });
    const mod = (await import(pathToFileURL(outfile).href)) as DecapValidator;
    return { validateConfig: mod.validateConfig, widgetNames: mod.widgetNames };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
