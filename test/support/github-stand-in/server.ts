/**
 * A stand-in for GitHub's REST API: a real HTTP server on 127.0.0.1 holding a small Git
 * repository, answering the endpoints the join pipeline calls with GitHub's response shapes and
 * error codes, checking every request, recording every request, and playing faults on demand.
 * See README.md.
 */
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { play, type FaultRule } from './faults.ts';
import { blobSha, commitSha, treeSha, type TreeEntry } from './git-objects.ts';
import * as R from './responses.ts';

export interface StandInOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** Files on the default branch at the start (path → content). */
  files?: Record<string, string>;
  /** The token requests must carry (`Authorization: token …`). */
  token?: string;
  /** Accept GitHub App authentication instead: JWTs signed with this App's key, then installation tokens. */
  app?: { id: string; installationId: number; publicKey: string | KeyObject };
  /** The clock of dates in answers (commits, pull requests); seconds for rate-limit resets come from it too. */
  now?: () => Date;
  /**
   * People's tokens (what Decap CMS holds after an editor's GitHub login), each with the rights
   * GitHub reports in `GET /repos/{owner}/{repo}` → `permissions`. The pipeline's `token` has them all.
   */
  users?: Record<string, { login: string; permissions: R.Permissions }>;
}

export interface RecordedRequest {
  method: string;
  /** Path as sent, percent-decoded, without the query. */
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** The status answered, or 0 when the connection was reset. */
  status: number;
}

interface Commit {
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
}

type Handler = (
  match: RegExpExecArray,
  body: unknown,
  query: Record<string, string>,
  credential: string,
) => { status: number; body?: unknown; headers?: Record<string, string> };

const ACTOR = 'solidarity-join[bot]';

export async function startGitHubStandIn(options: StandInOptions = {}) {
  const owner = options.owner ?? 'labour-network';
  const repo = options.repo ?? 'directory';
  const defaultBranch = options.defaultBranch ?? 'main';
  const now = options.now ?? (() => new Date('2026-03-01T12:00:00Z'));
  const site: R.Site = { api: '', web: 'https://github.com', owner, repo };

  // The repository: objects by SHA, refs, pull requests.
  const blobs = new Map<string, string>();
  const trees = new Map<string, TreeEntry[]>();
  const files = new Map<string, Map<string, string>>(); // tree SHA → path → blob SHA (flattened)
  const commits = new Map<string, Commit>();
  const refs = new Map<string, string>();
  const pulls: R.PullModel[] = [];
  const comments: { number: number; body: string }[] = [];
  const issues: R.IssueModel[] = [];
  /** Issues and pull requests share one sequence of numbers, as on GitHub. */
  const nextNumber = () => pulls.length + issues.length + 1;
  const pullNumbered = (n: number) => pulls.find((p) => p.number === n);
  const installationTokens = new Set<string>();

  function writeTree(paths: Map<string, string>): string {
    const sha = treeSha(paths, (s, entries) => trees.set(s, entries));
    files.set(sha, new Map(paths));
    return sha;
  }
  function writeCommit(tree: string, parents: string[], message: string): string {
    const author = {
      name: ACTOR,
      email: 'join@users.noreply.github.com',
      date: now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
    };
    const sha = commitSha(tree, parents, author, author, message);
    commits.set(sha, { tree, parents, message, author });
    return sha;
  }
  {
    const initial = new Map<string, string>();
    for (const [path, content] of Object.entries(options.files ?? { 'README.md': '# Directory\n' })) {
      const sha = blobSha(content);
      blobs.set(sha, content);
      initial.set(path, sha);
    }
    refs.set(`refs/heads/${defaultBranch}`, writeCommit(writeTree(initial), [], 'Initial commit'));
  }

  const requests: RecordedRequest[] = [];
  const unexpected: RecordedRequest[] = [];
  const rules: (FaultRule & { left: number })[] = [];
  const sockets = new Set<Socket>();

  const repoPath = `/repos/${owner}/${repo}`;
  const notFound = () => ({ status: 404, body: R.errorBody(404, 'Not Found', 'https://docs.github.com/rest') });
  const invalid = (message: string, doc: string, errors?: unknown[]) => ({ status: 422, body: R.errorBody(422, message, doc, errors) });
  const treeOf = (sha: string) => files.get(sha) ?? (commits.has(sha) ? files.get(commits.get(sha)!.tree) : undefined);

  const routes: [string, RegExp, Handler][] = [
    [
      'GET',
      new RegExp(`^${repoPath}$`),
      (_m, _b, _q, credential) => {
        const person = options.users?.[credential];
        const permissions: R.Permissions | undefined = person
          ? person.permissions
          : credential === options.token
            ? { admin: true, maintain: true, push: true, triage: true, pull: true }
            : undefined;
        return { status: 200, body: R.fullRepository(site, defaultBranch, permissions) };
      },
    ],
    [
      'GET',
      new RegExp(`^${repoPath}/contents/(.+)$`),
      (m, _b, q) => {
        const ref = q.ref ?? defaultBranch;
        const commit = commits.has(ref) ? ref : refs.get(`refs/heads/${ref}`);
        const blob = commit ? files.get(commits.get(commit)!.tree)?.get(m[1]!) : undefined;
        return blob ? { status: 200, body: R.contentFile(site, m[1]!, ref, blob, blobs.get(blob)!) } : notFound();
      },
    ],
    [
      'POST',
      new RegExp(`^${repoPath}/issues/(\\d+)/comments$`),
      (m, body) => {
        const p = pullNumbered(Number(m[1]));
        if (!p) return notFound();
        const text = (body as { body?: unknown })?.body;
        if (typeof text !== 'string' || text === '')
          return invalid('Validation Failed', 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', [
            { resource: 'IssueComment', field: 'body', code: 'missing_field' },
          ]);
        comments.push({ number: p.number, body: text });
        const stamp = now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z');
        return { status: 201, body: R.issueComment(site, p.number, 2000 + comments.length, text, ACTOR, stamp) };
      },
    ],
    [
      'GET',
      new RegExp(`^${repoPath}/git/ref/(.+)$`),
      (m) => {
        const sha = refs.get(`refs/${m[1]}`);
        return sha ? { status: 200, body: R.gitRef(site, `refs/${m[1]}`, sha) } : notFound();
      },
    ],
    [
      'GET',
      new RegExp(`^${repoPath}/git/commits/([0-9a-f]{40})$`),
      (m) => {
        const c = commits.get(m[1]!);
        return c ? { status: 200, body: R.gitCommit(site, { sha: m[1]!, ...c }) } : notFound();
      },
    ],
    [
      'POST',
      new RegExp(`^${repoPath}/git/trees$`),
      (_m, body) => {
        const doc = 'https://docs.github.com/rest/git/trees#create-a-tree';
        const b = body as { base_tree?: string; tree?: { path?: string; mode?: string; type?: string; sha?: string | null; content?: string }[] };
        if (!Array.isArray(b?.tree)) return invalid('Invalid request.\n\n"tree" wasn\'t supplied.', doc);
        const base = b.base_tree ? treeOf(b.base_tree) : new Map<string, string>();
        if (!base) return invalid('base_tree is not a valid tree oid', doc);
        const next = new Map(base);
        for (const e of b.tree) {
          if (typeof e.path !== 'string' || e.path.split('/').some((part) => part === '' || part === '.' || part === '..' || part === '.git')) {
            return invalid(`tree.path contains a malformed path component`, doc);
          }
          if (!['100644', '100755', '040000', '160000', '120000'].includes(e.mode ?? '') || !['blob', 'tree', 'commit'].includes(e.type ?? ''))
            return invalid('Invalid tree info', doc);
          if ((e.content === undefined) === (e.sha === undefined)) return invalid('Must supply either tree.sha or tree.content', doc);
          if (e.content !== undefined) {
            const sha = blobSha(e.content);
            blobs.set(sha, e.content);
            next.set(e.path, sha);
          } else if (e.sha === null) next.delete(e.path);
          else next.set(e.path, e.sha!);
        }
        const sha = writeTree(next);
        return {
          status: 201,
          body: R.gitTree(
            site,
            sha,
            trees.get(sha)!.map((t) => ({
              path: t.name,
              mode: t.mode,
              type: t.type,
              sha: t.sha,
              ...(t.type === 'blob' ? { size: Buffer.byteLength(blobs.get(t.sha) ?? '') } : {}),
            })),
          ),
        };
      },
    ],
    [
      'POST',
      new RegExp(`^${repoPath}/git/commits$`),
      (_m, body) => {
        const doc = 'https://docs.github.com/rest/git/commits#create-a-commit';
        const b = body as { message?: string; tree?: string; parents?: string[] };
        if (typeof b?.message !== 'string' || typeof b.tree !== 'string') return invalid('Invalid request.\n\n"message", "tree" weren\'t supplied.', doc);
        if (!files.has(b.tree)) return invalid('Tree SHA does not exist', doc);
        if ((b.parents ?? []).some((p) => !commits.has(p))) return invalid('Parent SHA does not exist or is not a commit object', doc);
        const sha = writeCommit(b.tree, b.parents ?? [], b.message);
        return { status: 201, body: R.gitCommit(site, { sha, ...commits.get(sha)! }), headers: { location: `${site.api}${repoPath}/git/commits/${sha}` } };
      },
    ],
    [
      'POST',
      new RegExp(`^${repoPath}/git/refs$`),
      (_m, body) => {
        const doc = 'https://docs.github.com/rest/git/refs#create-a-reference';
        const b = body as { ref?: string; sha?: string };
        if (typeof b?.ref !== 'string' || !/^refs\/[^/]+\/.+/.test(b.ref))
          return invalid("Reference name must start with 'refs/' and have at least two slashes.", doc);
        if (typeof b.sha !== 'string' || !commits.has(b.sha)) return invalid('Object does not exist', doc);
        if (refs.has(b.ref)) return invalid('Reference already exists', doc);
        refs.set(b.ref, b.sha);
        return { status: 201, body: R.gitRef(site, b.ref, b.sha), headers: { location: `${site.api}${repoPath}/git/${b.ref}` } };
      },
    ],
    [
      'POST',
      new RegExp(`^${repoPath}/pulls$`),
      (_m, body) => {
        const doc = 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request';
        const b = body as { title?: string; head?: string; base?: string; body?: string };
        if (typeof b?.head !== 'string' || typeof b.base !== 'string') return invalid('Invalid request.\n\n"head", "base" weren\'t supplied.', doc);
        const head = b.head.replace(new RegExp(`^${owner}:`), '');
        const headSha = refs.get(`refs/heads/${head}`);
        const baseSha = refs.get(`refs/heads/${b.base}`);
        if (!headSha) return invalid('Validation Failed', doc, [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
        if (!baseSha) return invalid('Validation Failed', doc, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
        if (pulls.some((p) => p.head === head && p.state === 'open')) {
          return invalid('Validation Failed', doc, [
            { resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${head}.` },
          ]);
        }
        if (typeof b.title !== 'string' || b.title === '')
          return invalid('Validation Failed', doc, [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
        const stamp = now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z');
        const p: R.PullModel = {
          number: nextNumber(),
          title: b.title,
          body: b.body ?? null,
          head,
          headSha,
          base: b.base,
          baseSha,
          state: 'open',
          merged: false,
          labels: [],
          createdAt: stamp,
          updatedAt: stamp,
          closedAt: null,
        };
        pulls.push(p);
        return { status: 201, body: R.pullRequest(site, p, defaultBranch, ACTOR), headers: { location: `${site.api}${repoPath}/pulls/${p.number}` } };
      },
    ],
    [
      'GET',
      new RegExp(`^${repoPath}/pulls$`),
      (_m, _b, q) => {
        const state = q.state ?? 'open';
        const found = pulls.filter(
          (p) => (state === 'all' || p.state === state) && (!q.head || `${owner}:${p.head}` === q.head) && (!q.base || p.base === q.base),
        );
        return { status: 200, body: found.map((p) => R.pullRequest(site, p, defaultBranch, ACTOR)) };
      },
    ],
    [
      'GET',
      new RegExp(`^${repoPath}/pulls/(\\d+)$`),
      (m) => {
        const p = pullNumbered(Number(m[1]));
        return p ? { status: 200, body: R.pullRequest(site, p, defaultBranch, ACTOR) } : notFound();
      },
    ],
    [
      'PATCH',
      new RegExp(`^${repoPath}/pulls/(\\d+)$`),
      (m, body) => {
        const p = pullNumbered(Number(m[1]));
        if (!p) return notFound();
        const b = body as { state?: string };
        if (b?.state === 'closed' || b?.state === 'open') {
          if (b.state === 'open' && !refs.has(`refs/heads/${p.head}`))
            return invalid('Validation Failed', 'https://docs.github.com/rest/pulls/pulls#update-a-pull-request', [
              { resource: 'PullRequest', code: 'custom', message: 'state cannot be changed. The head branch was deleted.' },
            ]);
          p.state = b.state;
          p.closedAt =
            b.state === 'closed'
              ? now()
                  .toISOString()
                  .replace(/\.\d{3}Z$/, 'Z')
              : null;
        }
        return { status: 200, body: R.pullRequest(site, p, defaultBranch, ACTOR) };
      },
    ],
    [
      'POST',
      new RegExp(`^${repoPath}/issues/(\\d+)/labels$`),
      (m, body) => {
        const p = pullNumbered(Number(m[1])) ?? issues.find((i) => i.number === Number(m[1]));
        if (!p) return notFound();
        const names = Array.isArray(body) ? body : (body as { labels?: unknown })?.labels;
        if (!Array.isArray(names) || names.some((n) => typeof n !== 'string'))
          return invalid('Invalid request.\n\n"labels" wasn\'t supplied.', 'https://docs.github.com/rest/issues/labels#add-labels-to-an-issue');
        for (const n of names as string[]) if (!p.labels.includes(n)) p.labels.push(n);
        return { status: 200, body: p.labels.map((n, i) => R.label(site, n, 1000 + i)) };
      },
    ],
    // Issues: https://docs.github.com/rest/issues/issues — the list holds pull requests too (with `pull_request`).
    [
      'GET',
      new RegExp(`^${repoPath}/issues$`),
      (_m, _b, q) => {
        const state = q.state ?? 'open';
        const wanted = (q.labels ?? '')
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean);
        const all = [
          ...issues.map((i) => ({ i, pull: undefined as R.PullModel | undefined })),
          ...pulls.map((p) => ({ i: { ...p, body: p.body } as R.IssueModel, pull: p })),
        ];
        const found = all
          .filter(({ i }) => (state === 'all' || i.state === state) && wanted.every((l) => i.labels.includes(l)))
          .sort((a, b) => b.i.number - a.i.number); // sort=created, direction=desc
        const perPage = Math.min(100, Number(q.per_page ?? 30));
        const page = Math.max(1, Number(q.page ?? 1));
        return { status: 200, body: found.slice((page - 1) * perPage, page * perPage).map(({ i, pull }) => R.issue(site, i, ACTOR, pull)) };
      },
    ],
    [
      'POST',
      new RegExp(`^${repoPath}/issues$`),
      (_m, body) => {
        const b = body as { title?: unknown; body?: unknown; labels?: unknown };
        if (typeof b?.title !== 'string' || b.title === '')
          return invalid('Invalid request.\n\n"title" wasn\'t supplied.', 'https://docs.github.com/rest/issues/issues#create-an-issue');
        const stamp = now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z');
        const labels = Array.isArray(b.labels) ? b.labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name))) : [];
        const i: R.IssueModel = {
          number: nextNumber(),
          title: b.title,
          body: typeof b.body === 'string' ? b.body : null,
          state: 'open',
          labels,
          createdAt: stamp,
          updatedAt: stamp,
          closedAt: null,
        };
        issues.push(i);
        return { status: 201, body: R.issue(site, i, ACTOR), headers: { location: `${site.api}${repoPath}/issues/${i.number}` } };
      },
    ],
    [
      'PATCH',
      new RegExp(`^${repoPath}/issues/(\\d+)$`),
      (m, body) => {
        const i = issues.find((x) => x.number === Number(m[1]));
        if (!i) return notFound();
        const b = body as { title?: unknown; body?: unknown; state?: unknown };
        if (typeof b?.title === 'string') i.title = b.title;
        if (typeof b?.body === 'string') i.body = b.body;
        if (b?.state === 'open' || b?.state === 'closed') {
          i.state = b.state;
          i.closedAt =
            b.state === 'closed'
              ? now()
                  .toISOString()
                  .replace(/\.\d{3}Z$/, 'Z')
              : null;
        }
        i.updatedAt = now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z');
        return { status: 200, body: R.issue(site, i, ACTOR) };
      },
    ],
    [
      'POST',
      /^\/app\/installations\/(\d+)\/access_tokens$/,
      (m) => {
        if (!options.app || Number(m[1]) !== options.app.installationId) return notFound();
        const token = `ghs_${randomBytes(18).toString('base64url')}`;
        installationTokens.add(token);
        const body: R.InstallationToken = {
          token,
          expires_at: new Date(now().getTime() + 3_600_000).toISOString(),
          permissions: { contents: 'write', pull_requests: 'write', issues: 'write' },
          repository_selection: 'selected',
        };
        return { status: 201, body };
      },
    ],
  ];

  /** Whether the Authorization header is acceptable for this path. */
  function authorised(path: string, header: string | undefined): boolean {
    const [scheme, credential] = (header ?? '').split(' ');
    if (!credential || !/^(token|bearer)$/i.test(scheme ?? '')) return false;
    if (path.startsWith('/app/')) return options.app !== undefined && validJwt(credential, options.app);
    return credential === options.token || installationTokens.has(credential) || options.users?.[credential] !== undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = decodeURIComponent(url.pathname);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw; // recorded as sent; the route then rejects it
    }
    const recorded: RecordedRequest = { method: req.method ?? '', path, query: Object.fromEntries(url.searchParams), body, headers: req.headers, status: 0 };
    requests.push(recorded);

    const rule = rules.find((r) => r.left > 0 && (!r.method || r.method === req.method) && (typeof r.path === 'string' ? r.path === path : r.path.test(path)));
    if (rule) rule.left--;
    if (rule?.fault.kind === 'connection-reset') {
      req.socket.destroy();
      return;
    }
    if (rule?.fault.kind === 'slow') await new Promise((r) => setTimeout(r, (rule.fault as { ms: number }).ms));
    const faulted = rule ? play(rule.fault, Math.floor(now().getTime() / 1000)) : undefined;

    let answer: { status: number; body?: unknown; headers?: Record<string, string> };
    let text: string | undefined;
    let headers: Record<string, string> = {};
    if (!authorised(path, req.headers.authorization)) {
      answer = { status: 401, body: R.errorBody(401, 'Bad credentials', 'https://docs.github.com/rest') };
    } else if (faulted) {
      answer = { status: faulted.status };
      text = faulted.body;
      headers = faulted.headers;
    } else {
      const route = routes.find(([method, pattern]) => method === req.method && pattern.test(path));
      if (!route) {
        unexpected.push(recorded);
        answer = notFound();
      } else {
        answer = route[2](route[1].exec(path)!, body, recorded.query, (req.headers.authorization ?? '').split(' ')[1] ?? '');
      }
    }
    recorded.status = answer.status;
    const reset = Math.floor(now().getTime() / 1000) + 3600;
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `0000:00000:${requests.length.toString(16).padStart(7, '0')}:0000000:00000000`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      ...answer.headers,
      ...headers,
    });
    res.end(text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`stand-in failure: ${String(error)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.api = url;

  return {
    url,
    owner,
    repo,
    defaultBranch,
    /** Every request, in order of arrival. */
    requests,
    /** Requests no route knows: a test should expect none. */
    unexpected,
    /** `METHOD /path` of every request, in order. */
    calls: () => requests.map((r) => `${r.method} ${r.path}`),
    /** Plays `rule.fault` on the next `rule.times` (default 1) matching requests. */
    inject(rule: FaultRule) {
      rules.push({ ...rule, left: rule.times ?? 1 });
    },
    /** Stops playing every fault not yet used up: GitHub has recovered. */
    clearFaults() {
      rules.length = 0;
    },
    /** Forgets recorded requests (the repository stays). */
    clearRequests() {
      requests.length = 0;
      unexpected.length = 0;
    },
    branches: () => [...refs.keys()].filter((r) => r.startsWith('refs/heads/')).map((r) => r.slice('refs/heads/'.length)),
    headOf: (branch: string) => refs.get(`refs/heads/${branch}`),
    commit: (sha: string) => commits.get(sha),
    /** The content of `path` on `branch`, or undefined. */
    fileAt(branch: string, path: string): string | undefined {
      const head = refs.get(`refs/heads/${branch}`);
      const blob = head ? files.get(commits.get(head)!.tree)?.get(path) : undefined;
      return blob ? blobs.get(blob) : undefined;
    },
    /** Paths that differ between two branches (what a compare would list). */
    changedPaths(base: string, head: string): string[] {
      const a = files.get(commits.get(refs.get(`refs/heads/${base}`)!)!.tree)!;
      const b = files.get(commits.get(refs.get(`refs/heads/${head}`)!)!.tree)!;
      return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();
    },
    pulls,
    /** Comments posted on pull requests, in order. */
    comments,
    /** Issues (not pull requests) opened through the API. */
    issues,
    /** What an editor does in the CMS: publish (merge and delete the branch) or delete (close). */
    mergePull(number: number) {
      const p = pullNumbered(number)!;
      const base = refs.get(`refs/heads/${p.base}`)!;
      refs.set(`refs/heads/${p.base}`, writeCommit(commits.get(p.headSha)!.tree, [base, p.headSha], `Merge ${p.head}`));
      refs.delete(`refs/heads/${p.head}`);
      Object.assign(p, { state: 'closed', merged: true, closedAt: now().toISOString() });
    },
    closePull(number: number) {
      const p = pullNumbered(number)!;
      refs.delete(`refs/heads/${p.head}`);
      Object.assign(p, { state: 'closed', closedAt: now().toISOString() });
    },
    /** Another entry's branch, as an editor's unpublished CMS entry would be. */
    createBranch(branch: string, message = 'Create groups “other”') {
      refs.set(
        `refs/heads/${branch}`,
        writeCommit(commits.get(refs.get(`refs/heads/${defaultBranch}`)!)!.tree, [refs.get(`refs/heads/${defaultBranch}`)!], message),
      );
    },
    /**
     * What Decap does when an editor saves a draft of an existing entry: a branch with `path`
     * changed to `content`, an open pull request titled `Update …` with the status label. Returns its number.
     */
    openDraft(branch: string, path: string, content: string, title: string): number {
      const base = refs.get(`refs/heads/${defaultBranch}`)!;
      const sha = blobSha(content);
      blobs.set(sha, content);
      const tree = new Map(files.get(commits.get(base)!.tree)!);
      tree.set(path, sha);
      const head = writeCommit(writeTree(tree), [base], title);
      refs.set(`refs/heads/${branch}`, head);
      const stamp = now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
      pulls.push({
        number: nextNumber(),
        title,
        body: null,
        head: branch,
        headSha: head,
        base: defaultBranch,
        baseSha: base,
        state: 'open',
        merged: false,
        labels: ['decap-cms/draft'],
        createdAt: stamp,
        updatedAt: stamp,
        closedAt: null,
      });
      return pulls.length;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type GitHubStandIn = Awaited<ReturnType<typeof startGitHubStandIn>>;

/** RS256 JWT check for GitHub App authentication (https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app). */
function validJwt(jwt: string, app: NonNullable<StandInOptions['app']>): boolean {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return false;
  const key = typeof app.publicKey === 'string' ? createPublicKey(app.publicKey) : app.publicKey;
  if (!verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))) return false;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: string | number; exp?: number };
  return String(claims.iss) === app.id && typeof claims.exp === 'number';
}
