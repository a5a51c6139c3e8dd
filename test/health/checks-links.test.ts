/**
 * The link check against local servers: every kind of answer gets the verdict an editor can act
 * on, HEAD falls back to GET, redirects are followed and reported, time-outs and resets are
 * "unreachable", the User-Agent names the directory, and no host is asked more than once at a time.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkLink } from '../../src/health/check-link.ts';
import { checkHealth } from '../../src/health/check-entries.ts';
import { healthUserAgent } from '../../src/health/run-health.ts';
import { closedPort, offlineFetch, startSite, type Site } from './support.ts';

const UA = healthUserAgent('https://directory.example.org');
const options = { fetch, userAgent: UA, timeoutMs: 500 };
let site: Site;
let other: Site;

beforeAll(async () => {
  [site, other] = await Promise.all([startSite(), startSite()]);
});
afterAll(async () => {
  await Promise.all([site?.close(), other?.close()]);
});

describe('one link', () => {
  it('200 is ok, asked with HEAD only, by a user agent that names the directory', async () => {
    const before = site.seen.length;
    const r = await checkLink(`${site.url}/ok`, options);
    expect(r).toMatchObject({ verdict: 'ok', status: 200, redirects: [], finalUrl: `${site.url}/ok` });
    expect(site.seen.slice(before)).toEqual([{ method: 'HEAD', path: '/ok', userAgent: UA }]);
    expect(UA).toMatch(/^SolidarityDirectoryLinkCheck\/1\.0 \(\+https:\/\/directory\.example\.org\/;/);
  });

  it('a 301 is followed and reported as a permanent move, with the new address', async () => {
    const r = await checkLink(`${site.url}/moved`, options);
    expect(r).toMatchObject({ verdict: 'redirected', status: 200, finalUrl: `${site.url}/new-home`, permanent: true });
    expect(r.redirects).toEqual([{ from: `${site.url}/moved`, to: `${site.url}/new-home`, status: 301 }]);
  });

  it('a 302 is a temporary move', async () => {
    expect(await checkLink(`${site.url}/temporary`, options)).toMatchObject({ verdict: 'redirected', permanent: false, finalUrl: `${site.url}/ok` });
  });

  it('404 and 410 are dead, also at the end of a redirect', async () => {
    expect(await checkLink(`${site.url}/missing`, options)).toMatchObject({ verdict: 'dead', status: 404, usedGet: true });
    expect(await checkLink(`${site.url}/gone`, options)).toMatchObject({ verdict: 'dead', status: 410 });
    const r = await checkLink(`${site.url}/moved-to-gone`, options);
    expect(r).toMatchObject({ verdict: 'dead', status: 410, finalUrl: `${site.url}/gone` });
    expect(r.redirects.map((x) => x.status)).toEqual([308]);
  });

  it('500 is failing, not dead', async () => {
    expect(await checkLink(`${site.url}/broken`, options)).toMatchObject({ verdict: 'failing', status: 500, problem: 'HTTP 500' });
  });

  it('a server that refuses HEAD is asked again with GET', async () => {
    const before = site.seen.length;
    expect(await checkLink(`${site.url}/no-head`, options)).toMatchObject({ verdict: 'ok', status: 200, usedGet: true });
    expect(site.seen.slice(before).map((s) => s.method)).toEqual(['HEAD', 'GET']);
  });

  it('a redirect loop stops and says so', async () => {
    expect(await checkLink(`${site.url}/loop`, { ...options, maxRedirects: 3 })).toMatchObject({ verdict: 'failing', problem: 'too many redirects' });
  });

  it('no answer in time is unreachable (and not asked again by GET)', async () => {
    const before = site.seen.length;
    expect(await checkLink(`${site.url}/hang`, { ...options, timeoutMs: 200 })).toMatchObject({
      verdict: 'unreachable',
      problem: 'no answer in time (timeout)',
    });
    expect(site.seen.slice(before).map((s) => s.method)).toEqual(['HEAD']);
  });

  it('a reset connection and a refused one are unreachable', async () => {
    expect(await checkLink(`${site.url}/reset`, options)).toMatchObject({ verdict: 'unreachable', problem: 'connection reset', usedGet: true });
    expect(await checkLink(`${await closedPort()}/`, options)).toMatchObject({ verdict: 'unreachable', problem: 'connection refused' });
  });
});

describe('a whole directory', () => {
  const entries = (base: string, base2: string) => [
    { slug: 'a', name: 'A', website: `${base}/slow-ok-a`, sources: [{ url: `${base}/slow-ok-b` }, { url: `${base2}/slow-ok-c` }], updated: '2026-01-01' },
    {
      slug: 'b',
      name: 'B',
      website: `${base}/slow-ok-d`,
      sources: [{ url: `${base}/slow-ok-a` }, { url: `${base2}/slow-ok-e` }, { title: 'A book' }],
      updated: '2024-05-01',
    },
    { slug: 'c', name: 'C', website: `${base}/slow-ok-f`, sources: [{ url: `${base2}/slow-ok-g` }, { url: `${base2}/slow-ok-h` }], updated: '2024-06-01' },
  ];

  it('asks each host one request at a time, checks a link cited twice once, and pauses between requests to one host', async () => {
    const pauses: number[] = [];
    const [site, other] = await Promise.all([startSite(), startSite()]); // fresh counts of requests in flight
    onTestFinished(() => Promise.all([site.close(), other.close()]).then(() => undefined));
    const report = await checkHealth(entries(site.url, other.url), {
      fetch,
      now: () => new Date('2025-12-15T10:00:00Z'),
      concurrency: { total: 4, perHost: 1, perHostDelayMs: 250 },
      timeoutMs: 2000,
      userAgent: UA,
      sleep: async (ms) => void pauses.push(ms),
    });
    expect(site.maxInFlight).toBe(1);
    expect(other.maxInFlight).toBe(1);
    expect(report.links).toHaveLength(8);
    expect(report.links.find((l) => l.url.endsWith('/slow-ok-a'))!.uses).toEqual([
      { slug: 'a', name: 'A', field: 'website' },
      { slug: 'b', name: 'B', field: 'sources[0]' },
    ]);
    expect(report.links.every((l) => l.result?.verdict === 'ok')).toBe(true);
    expect(pauses.length).toBeGreaterThanOrEqual(8 - 2); // between requests to one host, not after each host's last
    expect(pauses.every((ms) => ms === 250)).toBe(true);
  });

  it('lists entries not updated for more than 18 months, oldest first (and lets more requests to a host run when allowed)', async () => {
    const [site, other] = await Promise.all([startSite(), startSite()]);
    onTestFinished(() => Promise.all([site.close(), other.close()]).then(() => undefined));
    const report = await checkHealth(entries(site.url, other.url), {
      fetch,
      now: () => new Date('2025-12-15T10:00:00Z'),
      concurrency: { total: 4, perHost: 2, perHostDelayMs: 0 },
      timeoutMs: 2000,
      userAgent: UA,
    });
    // 18 months before 2025-12-15 is 2024-06-15: B (2024-05-01) and C (2024-06-01) are stale.
    expect(report.stale).toEqual([
      { slug: 'b', name: 'B', updated: '2024-05-01' },
      { slug: 'c', name: 'C', updated: '2024-06-01' },
    ]);
    expect(Math.max(site.maxInFlight, other.maxInFlight)).toBe(2); // the count sees concurrency, so the test above can fail
  });

  it('stops starting links at the deadline and says which were not checked', async () => {
    let t = Date.parse('2025-12-15T10:00:00Z');
    const report = await checkHealth(entries(site.url, other.url), {
      fetch,
      now: () => new Date((t += 1000)),
      concurrency: { total: 1, perHost: 1, perHostDelayMs: 0 },
      timeoutMs: 2000,
      userAgent: UA,
      deadline: Date.parse('2025-12-15T10:00:04Z'),
    });
    expect(report.links.filter((l) => l.result)).toHaveLength(2);
    expect(report.links.filter((l) => !l.result).length).toBe(6);
  });

  it('without internet, reports every link unreachable and the run as offline, never dead', async () => {
    const report = await checkHealth(entries('https://example.org', 'https://example.net'), {
      fetch: offlineFetch,
      now: () => new Date('2025-12-15T10:00:00Z'),
      concurrency: { total: 4, perHost: 1, perHostDelayMs: 0 },
      timeoutMs: 500,
      userAgent: UA,
    });
    expect(report.links.map((l) => l.result?.verdict)).toEqual(report.links.map(() => 'unreachable'));
    expect(report.links[0]!.result!.problem).toBe('name not found (DNS)');
    expect(report.offline).toBe(true);
  });
});
