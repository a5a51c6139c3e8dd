/**
 * Which store the join keeps its applications in, chosen by the environment:
 *
 * - `JOIN_STORE_DIR` set (the self-hosted runtime, `npm run serve`): a folder on local disk,
 *   one sub-folder per store (src/runtime/disk-blob-store.ts);
 * - otherwise Netlify Blobs with strong consistency: on Netlify the platform's, under
 *   `npm start` the local Blobs server the runtime starts (NETLIFY_BLOBS_CONTEXT).
 * https://docs.netlify.com/build/data-and-storage/netlify-blobs/
 */
import { join, resolve } from 'node:path';
import { getStore } from '@netlify/blobs';
import type { BlobStore } from '../join/store/application-store.ts';
import { createDiskBlobStore } from './disk-blob-store.ts';

export function diskStoreDirectory(env: Record<string, string | undefined>): string | undefined {
  const dir = env.JOIN_STORE_DIR?.trim();
  return dir ? resolve(dir) : undefined;
}

export function openBlobStore(name: string, env: Record<string, string | undefined> = process.env): BlobStore {
  const dir = diskStoreDirectory(env);
  if (dir) return createDiskBlobStore(join(dir, encodeURIComponent(name)));
  return getStore({ name, consistency: 'strong' });
}
