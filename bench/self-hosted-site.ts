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

// Bench only: the recorded answers (status, every header, body bytes) of the groups endpoint to
// each query of the repeated mix, replayed as constants: the same bytes on the wire as a repeated
// query, without the endpoint's work. ?i=N is the Nth query.
const REPLAY_FUNCTION = `// Bench only: recorded answers of the groups endpoint, replayed as constants.
import { readFileSync } from 'node:fs';
const recorded = JSON.parse(readFileSync(new URL('../../generated/replay.json', import.meta.url), 'utf8')).map((r) => ({ ...r, body: Buffer.from(r.body, 'base64') }));
export default (request) => {
  const r = recorded[Number(new URL(request.url).searchParams.get('i')) || 0];
  return new Response(r.body, { status: r.status, headers: r.headers });
};
export const config = { path: '/replay' };
`;

/** `replayPaths`: the queries whose answers /replay serves as constants (see REPLAY_FUNCTION). */
export async function selfHostedProject(artefact: Artefact, replayPaths: readonly string[] = []): Promise<{ root: string; remove(): void }> {
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
  writeFileSync(join(root, 'netlify', 'functions', 'replay.mts'), REPLAY_FUNCTION);
  const recorded = [];
  for (const path of replayPaths) {
    const r = await groups(new Request(`http://127.0.0.1${path}`));
    recorded.push({ status: r.status, headers: [...r.headers], body: Buffer.from(await r.arrayBuffer()).toString('base64') });
  }
  writeFileSync(join(root, 'generated', 'replay.json'), JSON.stringify(recorded));
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
