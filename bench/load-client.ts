/**
 * A bounded HTTP load generator for 127.0.0.1 only: `connections` keep-alive loops, each sending
 * the next request from a fixed list until `seconds` have passed. Prints one JSON line of results.
 * Run as its own process so it does not share a core's event loop with the server under test.
 *
 *   tsx bench/load-client.ts plan.json   # {"origin":"http://127.0.0.1:9000","paths":["/a"],"connections":10,"seconds":5}
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

interface Plan {
  origin: string;
  paths: string[];
  /** Extra headers per path index (e.g. If-None-Match), optional. */
  headers?: Record<string, string>[];
  connections: number;
  seconds: number;
  /** Stop after this many requests even if time is left. */
  maxRequests?: number;
}

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Plan;
const url = new URL(plan.origin);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error('load tests target this machine only');

const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let errors = 0;
let next = 0;
let sent = 0;
const deadline = performance.now() + plan.seconds * 1000;
const max = plan.maxRequests ?? Number.POSITIVE_INFINITY;

function once(i: number): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request({ agent, host: url.hostname, port: url.port, path: plan.paths[i], headers: plan.headers?.[i] ?? {} }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => {
        latencies.push(performance.now() - started);
        statuses[res.statusCode!] = (statuses[res.statusCode!] ?? 0) + 1;
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end();
  });
}

async function loop(): Promise<void> {
  while (performance.now() < deadline && sent < max) {
    const i = next++ % plan.paths.length;
    sent++;
    await once(i);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: plan.connections }, loop));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
agent.destroy();
console.log(JSON.stringify({ requests: latencies.length, rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors, statuses }));
