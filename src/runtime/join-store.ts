/**
 * The join applications' Blobs store, as the operator and editor commands reach it:
 *
 * - production: from a shell with NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN (a personal access token
 *   of a member of the Netlify team) set, through Netlify's API;
 * - locally: the store `netlify dev` / `npm start` keeps in `<repository>/.netlify/blobs-serve`,
 *   served for the length of the command by the same local Blobs server netlify dev runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import type { BlobStore } from '../join/store/application-store.ts';

export interface OpenedStore {
  store: BlobStore;
  where: string;
  close(): Promise<void>;
}

export async function openJoinStore(name: string, env: Record<string, string | undefined>, projectRoot: string): Promise<OpenedStore> {
  const siteID = env.NETLIFY_SITE_ID?.trim();
  const token = env.NETLIFY_AUTH_TOKEN?.trim();
  if (siteID && token) {
    return { store: getStore({ name, siteID, token, consistency: 'strong' }), where: `Netlify Blobs store "${name}" of site ${siteID}`, close: async () => undefined };
  }
  // netlify dev names the local site by its linked site ID; an unlinked project is "unlinked" in
  // current versions of the CLI, "0" in older ones: the one whose folder exists.
  const state = join(projectRoot, '.netlify', 'state.json');
  const directory = join(projectRoot, '.netlify', 'blobs-serve');
  const linked = existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { siteId?: string }).siteId : undefined;
  const localSite = linked ?? ['unlinked', '0'].find((id) => existsSync(join(directory, 'entries', id))) ?? 'unlinked';
  const localToken = 'join-command';
  const server = new BlobsServer({ directory, token: localToken });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  return {
    store: getStore({ name, siteID: localSite, token: localToken, edgeURL: url, uncachedEdgeURL: url, consistency: 'strong' }),
    where: `the local store in ${directory} (set NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN for production)`,
    close: () => server.stop().then(() => undefined),
  };
}
