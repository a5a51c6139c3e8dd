/**
 * A guard in front of decap-server for `npm start`. decap-server's git mode writes any file of
 * the repository (`.git/` included) for whoever reaches its port, and checks neither `Host` nor
 * `Origin`. Binding it to 127.0.0.1 keeps the network out but not a web page: through DNS
 * rebinding (a hostile name that resolves to 127.0.0.1 after the page has loaded) a page in the
 * developer's browser reaches it as same-origin. So decap-server listens on an internal port and
 * this proxy, on the port the CMS is configured with, passes only requests whose `Host` is a
 * loopback name and whose `Origin`, when a browser sends one, is a loopback origin; everything
 * else gets a 403 before it reaches decap-server.
 *
 * https://github.com/decaporg/decap-cms/tree/main/packages/decap-server
 */
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `localhost:8081`, `127.0.0.1`, `[::1]:8081` → true; any other name → false. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return LOOPBACK_HOSTS.has(name.toLowerCase());
}

export function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true; // not a browser's cross-origin request (curl, decap-server's own checks)
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.host);
  } catch {
    return false; // "null" and anything unparsable
  }
}

export function allowed(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  return isLoopbackHost(request.headers.host) && isLoopbackOrigin(Array.isArray(origin) ? origin[0] : origin);
}

/** Listens on 127.0.0.1:`port` and forwards allowed requests to 127.0.0.1:`target`. */
export function startLoopbackGuard(port: number, target: number): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    if (!allowed(incoming)) {
      incoming.resume();
      outgoing
        .writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('decap-server answers only this machine’s own pages (loopback Host and Origin).\n');
      return;
    }
    const upstream = forward({ host: '127.0.0.1', port: target, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.once('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      outgoing.end('decap-server is not answering.\n');
    });
    incoming.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject).listen(port, '127.0.0.1', () => resolve(server));
  });
}
