/**
 * The join applications' Blobs store, as the operator and editor commands reach it:
 *
 * - production: from a shell with NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN (a personal access token
 *   of a member of the Netlify team) set, through Netlify's API;
 * - self-hosted (`npm run serve`): the folder JOIN_STORE_DIR names, as the server uses it;
 * - locally: the store `netlify dev` / `npm start` keeps in `<repository>/.netlify/blobs-serve`,
 *   served for the length of the command by the same local Blobs server netlify dev runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import type { BlobStore } from '../join/store/application-store.ts';
import { diskStoreDirectory, openBlobStore } from './blob-stores.ts';

export interface OpenedStore {
  store: BlobStore;
  where: string;
  close(): Promise<void>;
}

export async function openJoinStore(name: string, env: Record<string, string | undefined>, projectRoot: string): Promise<OpenedStore> {
  const disk = diskStoreDirectory(env);
  if (disk) return { store: openBlobStore(name, env), where: `the store "${name}" in ${disk} (JOIN_STORE_DIR)`, close: async () => undefined };
  const siteID = env.NETLIFY_SITE_ID?.trim();
  const token = env.NETLIFY_AUTH_TOKEN?.trim();
  if (siteID && token) {
    return {
      store: getStore({ name, siteID, token, consistency: 'strong' }),
      where: `Netlify Blobs store "${name}" of site ${siteID}`,
      close: async () => undefined,
    };
  }
  const directory = join(projectRoot, '.netlify', 'blobs-serve');
  const localSite = storeSiteId(projectRoot, directory, name);
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

/**
 * The site name a local stack keeps this store's Blobs under: the linked site's ID, else the name
 * the local runtime gives an unlinked project — "0" for `npm start` (src/runtime/local-blobs.ts)
 * and the @netlify/dev library, "unlinked" for netlify-cli's own `netlify dev` (netlify-cli
 * src/utils/dev.ts, UNLINKED_SITE_MOCK_ID). Of those, the one that holds this store.
 */
export function storeSiteId(projectRoot: string, directory: string, storeName: string): string {
  const state = join(projectRoot, '.netlify', 'state.json');
  const linked = existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { siteId?: string }).siteId : undefined;
  if (linked) return linked;
  const holds = (site: string) => {
    const root = join(directory, 'entries', site);
    return existsSync(root) && readdirSync(root).some((store) => decodeURIComponent(store).endsWith(storeName));
  };
  return ['0', 'unlinked'].find(holds) ?? '0';
}
