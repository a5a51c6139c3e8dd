/**
 * A copy of the shipped content in a temporary folder, built once with the real content build
 * (scripts/build-content.ts, what `npm run build:content` runs) into its own `generated/`, so a
 * test can break the content and check what the build and the API do with the last good artefact.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildContent } from '../../src/content/write-artefact.ts';
import { createGroupsEndpoint } from '../../src/api/read-endpoints.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';
import { PROJECT } from './real-content.ts';

export async function contentSandbox() {
  const root = await mkdtemp(join(tmpdir(), 'sd-content-faults-'));
  await cp(join(PROJECT, 'content'), join(root, 'content'), { recursive: true });
  const out = join(root, 'generated');
  const first = await buildContent(root, out);
  if (!first.ok) throw new Error(`the shipped content does not build:\n${first.messages.join('\n')}`);

  /** Every file the build left in generated/, byte for byte. */
  const snapshot = () =>
    new Map(
      readdirSync(out)
        .sort()
        .map((name) => [name, readFileSync(join(out, name))]),
    );
  const good = snapshot();
  /** Where a function at netlify/functions/ of this folder resolves the artefact from. */
  const functionUrl = pathToFileURL(join(root, 'netlify', 'functions', 'groups.mjs')).href;

  return {
    root,
    out,
    /** The artefact of the last good build. */
    artefact: first.artefact,
    /** generated/ as the last good build left it. */
    good,
    snapshot,
    file: (relative: string) => join(root, relative),
    build: () => buildContent(root, out),
    /** What `GET /api/v1/groups` answers from the artefact now in generated/, as the function reads it at a cold start. */
    async listTotal(): Promise<number> {
      const groups = createGroupsEndpoint(createDirectory(readArtefact('directory-list.json', functionUrl)));
      const response = await groups(new Request('https://directory.example/api/v1/groups?per_page=1'));
      return ((await response.json()) as { meta: { total: number } }).meta.total;
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
}

export type ContentSandbox = Awaited<ReturnType<typeof contentSandbox>>;
