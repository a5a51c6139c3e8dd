/**
 * Netlify's own local runtime (@netlify/dev), as integration tests use it: the real function
 * files, bundled and routed by their `config.path`, with the Blobs emulation — and nothing this
 * closed machine cannot start (edge functions need Deno, images and AI need the network).
 */
import { NetlifyDev } from '@netlify/dev';

export async function startNetlifyRuntime(projectRoot: string, options: { skipGitignore?: boolean } = {}): Promise<NetlifyDev> {
  const dev = new NetlifyDev({
    projectRoot,
    serverAddress: 'http://localhost:8888',
    ...options,
    edgeFunctions: { enabled: false },
    images: { enabled: false },
    geolocation: { enabled: false },
    aiGateway: { enabled: false },
    database: { enabled: false },
    logger: { log() {}, warn() {}, error: console.error },
  } as ConstructorParameters<typeof NetlifyDev>[0]);
  await dev.start();
  return dev;
}
