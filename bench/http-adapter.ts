/**
 * A minimal Node adapter that serves web-standard handlers the way a serverless runtime calls
 * them: one IncomingMessage → one `Request` → handler → `Response` → bytes. Used by the load test
 * to measure the functions themselves, and a constant body through the very same adapter as
 * the ceiling.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';

export type Handler = (request: Request) => Promise<Response> | Response;

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  return new Request(origin + (req.url ?? '/'), { method: req.method, headers });
}

export function serve(routes: Record<string, Handler>, port: number): Promise<Server> {
  const origin = `http://127.0.0.1:${port}`;
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const handler = routes[path] ?? Object.entries(routes).find(([prefix]) => prefix.endsWith('/') && path.startsWith(prefix))?.[1];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    try {
      const response = await handler(toRequest(req, origin));
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => (headers[key] = value));
      const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
      res.writeHead(response.status, headers).end(body);
    } catch (error) {
      console.error(`adapter: ${(error as Error).message}`);
      res.writeHead(500).end();
    }
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
