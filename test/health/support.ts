/**
 * Local web sites for the link check: real HTTP servers on 127.0.0.1 (free ports) answering by
 * path: 200, redirects, 404, 410, 500, HEAD refused, never answering, resetting the connection.
 * Each records the requests it saw and the most it served at once.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Site {
  url: string;
  seen: { method: string; path: string; userAgent: string | undefined }[];
  maxInFlight: number;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const sockets = new Set<Socket>();
  const seen: Site['seen'] = [];
  let inFlight = 0;
  const site = { url: '', seen, maxInFlight: 0 } as Site;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const path = req.url ?? '/';
    seen.push({ method: req.method ?? '', path, userAgent: req.headers['user-agent'] });
    inFlight++;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const slow = /^\/slow-ok/.test(path);
    if (slow) await new Promise((r) => setTimeout(r, 40));
    if (path === '/ok' || slow) return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>hello</p>');
    if (path === '/moved') return res.writeHead(301, { Location: '/new-home' }).end();
    if (path === '/new-home') return res.writeHead(200).end('new');
    if (path === '/temporary') return res.writeHead(302, { Location: `${site.url}/ok` }).end();
    if (path === '/moved-to-gone') return res.writeHead(308, { Location: '/gone' }).end();
    if (path === '/loop') return res.writeHead(301, { Location: '/loop' }).end();
    if (path === '/missing') return res.writeHead(404).end('not found');
    if (path === '/gone') return res.writeHead(410).end('gone');
    if (path === '/broken') return res.writeHead(500).end('oops');
    if (path === '/no-head') return req.method === 'HEAD' ? res.writeHead(405, { Allow: 'GET' }).end() : res.writeHead(200).end('ok by GET');
    if (path === '/hang') return; // never answers: the checker's timeout decides
    if (path === '/reset') return req.socket.destroy();
    res.writeHead(404).end();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return site;
}

/** A port on 127.0.0.1 that nothing listens on (opened, then closed). */
export async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/**
 * fetch on a machine without internet: every request fails the way undici fails when DNS has no
 * answer (a TypeError "fetch failed" whose cause carries the system code).
 */
export const offlineFetch: typeof fetch = async () => {
  throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo EAI_AGAIN example.org'), { code: 'EAI_AGAIN' }) });
};
