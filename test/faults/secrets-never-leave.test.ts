/**
 * The GitHub token, the form secret and the applicant's contact details are canaries: through a
 * delivery that succeeds and through every way GitHub fails (5xx, rate limits, refused
 * credentials, forbidden labels, resets, slowness), through invalid and repeated submissions, the
 * status endpoint and delivery runs, none of them appears in a log line, in an answer, in what is
 * stored (contact details only as age ciphertext), or in anything sent to GitHub — the token
 * only in the Authorization header GitHub needs. Configuration errors name settings, never
 * their secret values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJoinConfig, JoinConfigError } from '../../src/join/config.ts';
import type { Fault } from '../support/github-stand-in/index.ts';
import { validApplication } from '../support/join-fixtures.ts';
import { FORM_SECRET, TOKEN } from '../support/join-harness.ts';
import { faultHarness, type FaultHarness } from '../support/fault-harness.ts';

const REPO = '/repos/labour-network/directory';
const CONTACT = {
  name: 'Canary Contactname Zq7',
  email: 'canary.zq7@private.example.net',
  role: 'Canary role Zq7',
  message: 'Canary message Zq7: call me on +00 0000 0000.',
};
const SECRETS = [TOKEN, FORM_SECRET];
const PERSONAL = Object.values(CONTACT);

const FAULTS: { name: string; method: string; path: string; fault: Fault }[] = [
  { name: '500', method: 'POST', path: `${REPO}/git/trees`, fault: { kind: 'server-error', status: 500 } },
  { name: '502', method: 'POST', path: `${REPO}/git/commits`, fault: { kind: 'server-error', status: 502 } },
  { name: 'secondary rate limit', method: 'POST', path: `${REPO}/git/refs`, fault: { kind: 'secondary-rate-limit', retryAfter: 60 } },
  { name: '429', method: 'POST', path: `${REPO}/pulls`, fault: { kind: 'too-many-requests', retryAfter: 60 } },
  {
    name: 'refused credentials',
    method: 'GET',
    path: `${REPO}/git/ref/heads/main`,
    fault: { kind: 'answer', status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } },
  },
  {
    name: 'forbidden labels',
    method: 'POST',
    path: `${REPO}/issues/1/labels`,
    fault: {
      kind: 'answer',
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' },
    },
  },
  { name: 'reset', method: 'POST', path: `${REPO}/git/trees`, fault: { kind: 'connection-reset' } },
  { name: 'slow', method: 'POST', path: `${REPO}/pulls`, fault: { kind: 'slow', ms: 900 } },
];

let h: FaultHarness;
const answers: string[] = [];
beforeAll(async () => {
  h = await faultHarness({ budgetMs: 600 });
});
afterAll(async () => h?.close());

async function submit(body: Record<string, unknown>) {
  const response = await h.runtime.submit(
    new Request('https://directory.example/api/v1/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  const text = await response.text();
  answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${text}`);
  return { status: response.status, body: JSON.parse(text) };
}

const expectAbsent = (where: string, text: string, values: readonly string[]) => {
  for (const value of values) expect(text.includes(value), `${where} holds ${value.slice(0, 12)}…`).toBe(false);
};

describe('secrets and personal data', () => {
  it('stay out of logs, answers, stored records and everything sent to GitHub, whatever GitHub does', { timeout: 60_000 }, async () => {
    const gh = h.github;
    const references: string[] = [];
    let n = 0;
    const application = () => ({
      ...validApplication({ name: `Canary workers ${++n}`, short_name: `canary-${n}`, website: `https://canary-${n}.example.org/`, contact: CONTACT }),
      form_token: h.token(),
    });

    const ok = await submit(application());
    expect(ok.status).toBe(201);
    references.push(ok.body.reference);
    for (const f of FAULTS) {
      gh.clearFaults();
      gh.inject({ method: f.method, path: f.path.replace('/issues/1/', `/issues/${gh.pulls.length + 1}/`), times: Infinity, fault: f.fault });
      const r = await submit(application());
      expect(r.status, f.name).toBe(202);
      references.push(r.body.reference);
    }
    gh.clearFaults();
    // Invalid and repeated submissions, with the same contact details.
    expect((await submit({ ...application(), contact: { ...CONTACT, email: `not an address ${CONTACT.email}` } })).status).toBe(400);
    expect((await submit({ ...application(), form_token: `${FORM_SECRET}.forged` })).status).toBe(400);
    const token = h.token();
    references.push((await submit({ ...application(), form_token: token })).body.reference);
    expect((await submit({ ...application(), form_token: token })).status).toBe(200);
    // GitHub recovers; the queue is delivered; everyone asks for their status.
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the slow answer lands
    h.clock.advance(2 * 60 * 60_000);
    await h.runtime.drain(20_000);
    for (const reference of references) {
      const s = await h.status(reference);
      answers.push(JSON.stringify(s.body));
      expect(s.body.state).toBe('pull_request_opened');
    }

    expectAbsent('the log', h.log.lines.join('\n'), [...SECRETS, ...PERSONAL]);
    expectAbsent('the answers', answers.join('\n'), [...SECRETS, ...PERSONAL]);
    expect(gh.requests.length).toBeGreaterThan(50);
    for (const q of gh.requests) {
      expect(q.headers.authorization).toBe(`token ${TOKEN}`);
      const { authorization: _a, ...headers } = q.headers;
      expectAbsent(`${q.method} ${q.path}`, JSON.stringify([q.path, q.query, q.body, headers]), [...SECRETS, ...PERSONAL]);
    }
    for (const pull of gh.pulls) expectAbsent(`pull request #${pull.number}`, JSON.stringify(pull), [...SECRETS, ...PERSONAL]);
    const keys = h.blobs.keys();
    expect(keys.filter((k) => k.startsWith('contacts/'))).toHaveLength(references.length);
    for (const key of keys) {
      const text = String(await h.blobs.get(key, { type: 'text' }));
      expectAbsent(key, text, SECRETS);
      if (key.startsWith('contacts/')) expect(text).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
      else expectAbsent(key, text, PERSONAL);
    }
  });

  it('are never quoted by configuration errors, which name the settings', () => {
    const secret = 'too-short-secret-Zq7';
    const privateKey = '-----BEGIN PRIVATE KEY-----\\nCanaryKeyMaterialZq7\\n-----END PRIVATE KEY-----';
    let error: unknown;
    try {
      loadJoinConfig({
        GITHUB_REPOSITORY: 'labour-network/directory',
        GITHUB_TOKEN: TOKEN,
        GITHUB_APP_ID: 'x',
        GITHUB_APP_PRIVATE_KEY: privateKey,
        JOIN_FORM_SECRET: secret,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JoinConfigError);
    const message = (error as Error).message;
    expect(message).toContain('JOIN_FORM_SECRET');
    expect(message).toContain('GITHUB_TOKEN');
    expectAbsent('the configuration error', message, [TOKEN, secret, 'CanaryKeyMaterialZq7']);
  });
});
