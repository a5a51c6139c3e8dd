/**
 * The self-hosted runtime (`npm run serve`) over a seeded synthetic directory, for the load test:
 * a temporary copy of the project whose `generated/` holds the synthetic artefact files (written
 * as the content build writes them), with this project's netlify.toml, function modules, src/,
 * node_modules and dist/ (linked), plus one bench-only function in the same server: `/constant`,
 * which answers a pre-serialised first page of the groups list, the ceiling every ratio is
 * measured against.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artefactFiles } from '../src/content/write-artefact.ts';
import { createGroupsEndpoint } from '../src/api/read-endpoints.ts';
import type { Artefact } from '../src/engine/artefact.ts';
import { createDirectory } from '../src/engine/directory.ts';

const ROOT = join(import.meta.dirname, '..');

const CONSTANT_FUNCTION = `// Bench only: a constant, pre-serialised answer, the ceiling of this server.
import { readFileSync } from 'node:fs';
const text = readFileSync(new URL('../../generated/constant.json', import.meta.url), 'utf8');
const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' };
export default () => new Response(text, { status: 200, headers });
export const config = { path: '/constant' };
`;

export async function selfHostedProject(artefact: Artefact): Promise<{ root: string; remove(): void }> {
  const root = mkdtempSync(join(tmpdir(), 'sd-selfhosted-'));
  copyFileSync(join(ROOT, 'netlify.toml'), join(root, 'netlify.toml'));
  mkdirSync(join(root, 'netlify', 'functions'), { recursive: true });
  for (const f of readdirSync(join(ROOT, 'netlify', 'functions'))) copyFileSync(join(ROOT, 'netlify', 'functions', f), join(root, 'netlify', 'functions', f));
  writeFileSync(join(root, 'netlify', 'functions', 'constant.mts'), CONSTANT_FUNCTION);
  for (const linked of ['src', 'node_modules', 'dist', 'package.json']) symlinkSync(join(ROOT, linked), join(root, linked));
  mkdirSync(join(root, 'generated'));
  for (const [name, data] of artefactFiles(artefact)) if (!name.endsWith('.mjs') && !name.endsWith('.mts')) writeFileSync(join(root, 'generated', name), data);
  const groups = createGroupsEndpoint(createDirectory(artefact));
  writeFileSync(join(root, 'generated', 'constant.json'), await (await groups(new Request('http://127.0.0.1/api/v1/groups?per_page=20'))).text());
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** `npm run serve -- --root <root>` as its own process group; resolves once it says "ready". */
export function startSelfHosted(root: string, port: number, nodeArgs: string[] = []): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(ROOT, 'scripts', 'serve.ts'), '--root', root], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', JOIN_STORE_DIR: join(root, 'store'), JOIN_LOCAL_REPOSITORY: root, GITHUB_REPOSITORY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (/^ready$/m.test(out)) resolve({ child, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`self-hosted server exit ${code}:\n${out.slice(-2000)}`)));
  });
}
