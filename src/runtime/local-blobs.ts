/**
 * Under `npm start`, Netlify Blobs are the local Blobs server over `.netlify/blobs-serve`, as
 * Netlify's own local runtime keeps them (@netlify/dev's getRuntime): the same folder, the same
 * site ID ("0" unless the project is linked), so `npm run join:deliver -- --list` and
 * `npm run join:contacts` (src/runtime/join-store.ts) see what the site stored. Functions find the
 * server through NETLIFY_BLOBS_CONTEXT, which @netlify/blobs' getStore reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BlobsServer } from '@netlify/blobs/server';

export function localSiteId(projectRoot: string): string {
  const state = join(projectRoot, '.netlify', 'state.json');
  return existsSync(state) ? ((JSON.parse(readFileSync(state, 'utf8')) as { siteId?: string }).siteId ?? '0') : '0';
}

export async function startLocalBlobs(projectRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<{ directory: string; stop(): Promise<void> }> {
  const directory = join(projectRoot, '.netlify', 'blobs-serve');
  const token = randomBytes(16).toString('hex');
  const server = new BlobsServer({ directory, token });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  const context = { siteID: localSiteId(projectRoot), token, edgeURL: url, uncachedEdgeURL: url, primaryRegion: 'us-east-2' };
  env.NETLIFY_BLOBS_CONTEXT = Buffer.from(JSON.stringify(context)).toString('base64');
  return { directory, stop: () => server.stop().then(() => undefined) };
}
