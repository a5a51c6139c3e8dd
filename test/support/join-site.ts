/**
 * The join's pages and API in front of a join harness, as Netlify routes them, on 127.0.0.1: the
 * form in any language (`/join`, `/fr/join`, thanks pages), the submit and status endpoints, and
 * the form's script as the site build bundles it into dist/assets/. For browser tests.
 */
import { createServer } from 'node:http';
import { JOIN_FORM_SCRIPT } from '../../src/join/pages/render-join-page.ts';
import { bundleJoinForm } from '../../src/site/build-site.ts';
import type { JoinHarness } from './join-harness.ts';

export async function startJoinSite(h: JoinHarness): Promise<{ base: string; close(): Promise<void> }> {
  const script = await bundleJoinForm();
  let base = '';
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', base);
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const handler =
      url.pathname === '/api/v1/join'
        ? h.runtime.submit
        : url.pathname.startsWith('/api/v1/join/')
          ? h.runtime.status
          : /^(\/[a-z]{2})?\/join(\/thanks)?$/.test(url.pathname)
            ? h.runtime.page
            : undefined;
    const asset = url.pathname === JOIN_FORM_SCRIPT ? new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } }) : undefined;
    const response = asset ?? (handler ? await handler(request) : new Response('not found', { status: 404 }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
