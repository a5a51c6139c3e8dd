/**
 * GitHub's answers, built to the types @octokit/rest publishes from GitHub's OpenAPI description
 * (github/rest-api-description), so `tsc` rejects a body missing a field GitHub always sends.
 * Values follow the @octokit/fixtures recordings (scenarios git-refs, get-repository,
 * add-labels-to-issue, errors): normalised ids 1000+, dates 2017-10-10T16:00:00Z, node ids
 * "MDA6RW50aXR5MQ==".
 */
import type { RestEndpointMethodTypes } from '@octokit/rest';

type Data<K extends keyof RestEndpointMethodTypes, M extends keyof RestEndpointMethodTypes[K]> = RestEndpointMethodTypes[K][M] extends {
  response: { data: infer D };
}
  ? D
  : never;

export type GitRef = Data<'git', 'getRef'>;
export type GitTree = Data<'git', 'createTree'>;
export type GitCommit = Data<'git', 'createCommit'>;
export type PullRequest = Data<'pulls', 'create'>;
export type Labels = Data<'issues', 'addLabels'>;
export type InstallationToken = Data<'apps', 'createInstallationAccessToken'>;
export type Issue = Data<'issues', 'create'>;
type User = PullRequest['user'];
type Repository = PullRequest['base']['repo'];

export const NODE_ID = 'MDA6RW50aXR5MQ==';
export const FIXTURE_DATE = '2017-10-10T16:00:00Z';

export interface Site {
  /** The stand-in's own address, standing for https://api.github.com. */
  api: string;
  web: string;
  owner: string;
  repo: string;
}

export function user(site: Site, login: string, type = 'User'): User {
  const u = `${site.api}/users/${login}`;
  return {
    login,
    id: 1000,
    node_id: NODE_ID,
    avatar_url: 'https://avatars0.githubusercontent.com/u/1000?v=4',
    gravatar_id: '',
    url: u,
    html_url: `${site.web}/${login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type,
    site_admin: false,
  };
}

export function repository(site: Site, defaultBranch: string): Repository {
  const r = `${site.api}/repos/${site.owner}/${site.repo}`;
  return {
    id: 1000,
    node_id: NODE_ID,
    name: site.repo,
    full_name: `${site.owner}/${site.repo}`,
    owner: user(site, site.owner, 'Organization'),
    private: false,
    html_url: `${site.web}/${site.owner}/${site.repo}`,
    description: null,
    fork: false,
    url: r,
    forks_url: `${r}/forks`,
    keys_url: `${r}/keys{/key_id}`,
    collaborators_url: `${r}/collaborators{/collaborator}`,
    teams_url: `${r}/teams`,
    hooks_url: `${r}/hooks`,
    issue_events_url: `${r}/issues/events{/number}`,
    events_url: `${r}/events`,
    assignees_url: `${r}/assignees{/user}`,
    branches_url: `${r}/branches{/branch}`,
    tags_url: `${r}/tags`,
    blobs_url: `${r}/git/blobs{/sha}`,
    git_tags_url: `${r}/git/tags{/sha}`,
    git_refs_url: `${r}/git/refs{/sha}`,
    trees_url: `${r}/git/trees{/sha}`,
    statuses_url: `${r}/statuses/{sha}`,
    languages_url: `${r}/languages`,
    stargazers_url: `${r}/stargazers`,
    contributors_url: `${r}/contributors`,
    subscribers_url: `${r}/subscribers`,
    subscription_url: `${r}/subscription`,
    commits_url: `${r}/commits{/sha}`,
    git_commits_url: `${r}/git/commits{/sha}`,
    comments_url: `${r}/comments{/number}`,
    issue_comment_url: `${r}/issues/comments{/number}`,
    contents_url: `${r}/contents/{+path}`,
    compare_url: `${r}/compare/{base}...{head}`,
    merges_url: `${r}/merges`,
    archive_url: `${r}/{archive_format}{/ref}`,
    downloads_url: `${r}/downloads`,
    issues_url: `${r}/issues{/number}`,
    pulls_url: `${r}/pulls{/number}`,
    milestones_url: `${r}/milestones{/number}`,
    notifications_url: `${r}/notifications{?since,all,participating}`,
    labels_url: `${r}/labels{/name}`,
    releases_url: `${r}/releases{/id}`,
    deployments_url: `${r}/deployments`,
    created_at: FIXTURE_DATE,
    updated_at: FIXTURE_DATE,
    pushed_at: FIXTURE_DATE,
    git_url: `git://github.com/${site.owner}/${site.repo}.git`,
    ssh_url: `git@github.com:${site.owner}/${site.repo}.git`,
    clone_url: `${site.web}/${site.owner}/${site.repo}.git`,
    svn_url: `${site.web}/${site.owner}/${site.repo}`,
    homepage: null,
    size: 0,
    stargazers_count: 42,
    watchers_count: 42,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    forks_count: 42,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 42,
    license: null,
    forks: 42,
    open_issues: 42,
    watchers: 42,
    default_branch: defaultBranch,
  };
}

export function gitRef(site: Site, ref: string, sha: string): GitRef {
  const r = `${site.api}/repos/${site.owner}/${site.repo}`;
  return { ref, node_id: NODE_ID, url: `${r}/git/${ref}`, object: { sha, type: 'commit', url: `${r}/git/commits/${sha}` } };
}

export function gitTree(site: Site, sha: string, entries: { path: string; mode: string; type: 'blob' | 'tree'; sha: string; size?: number }[]): GitTree {
  const r = `${site.api}/repos/${site.owner}/${site.repo}`;
  return {
    sha,
    url: `${r}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.size !== undefined ? { size: e.size } : {}),
      url: `${r}/git/${e.type}s/${e.sha}`,
    })),
  };
}

export function gitCommit(
  site: Site,
  c: { sha: string; tree: string; parents: string[]; message: string; author: { name: string; email: string; date: string } },
): GitCommit {
  const r = `${site.api}/repos/${site.owner}/${site.repo}`;
  return {
    sha: c.sha,
    node_id: NODE_ID,
    url: `${r}/git/commits/${c.sha}`,
    html_url: `${site.web}/${site.owner}/${site.repo}/commit/${c.sha}`,
    author: c.author,
    committer: c.author,
    message: c.message,
    tree: { sha: c.tree, url: `${r}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: `${r}/git/commits/${p}`, html_url: `${site.web}/${site.owner}/${site.repo}/commit/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

export interface PullModel {
  number: number;
  title: string;
  body: string | null;
  head: string;
  headSha: string;
  base: string;
  baseSha: string;
  state: 'open' | 'closed';
  merged: boolean;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export function label(site: Site, name: string, id: number): Labels[number] {
  return {
    id,
    node_id: NODE_ID,
    url: `${site.api}/repos/${site.owner}/${site.repo}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null,
  };
}

export function pullRequest(site: Site, p: PullModel, defaultBranch: string, actor: string): PullRequest {
  const r = `${site.api}/repos/${site.owner}/${site.repo}`;
  const html = `${site.web}/${site.owner}/${site.repo}/pull/${p.number}`;
  const repo = repository(site, defaultBranch);
  const owner = user(site, site.owner, 'Organization');
  const link = (href: string) => ({ href });
  return {
    url: `${r}/pulls/${p.number}`,
    id: 1000 + p.number,
    node_id: NODE_ID,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${r}/issues/${p.number}`,
    commits_url: `${r}/pulls/${p.number}/commits`,
    review_comments_url: `${r}/pulls/${p.number}/comments`,
    review_comment_url: `${r}/pulls/comments{/number}`,
    comments_url: `${r}/issues/${p.number}/comments`,
    statuses_url: `${r}/statuses/${p.headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: user(site, actor, 'Bot'),
    body: p.body,
    labels: p.labels.map((name, i) => ({ ...label(site, name, 1000 + i), description: null })),
    milestone: null,
    active_lock_reason: null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: p.closedAt,
    merged_at: p.merged ? p.closedAt : null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: { label: `${site.owner}:${p.head}`, ref: p.head, repo, sha: p.headSha, user: owner },
    base: { label: `${site.owner}:${p.base}`, ref: p.base, repo, sha: p.baseSha, user: owner },
    _links: {
      self: link(`${r}/pulls/${p.number}`),
      html: link(html),
      issue: link(`${r}/issues/${p.number}`),
      comments: link(`${r}/issues/${p.number}/comments`),
      review_comments: link(`${r}/pulls/${p.number}/comments`),
      review_comment: link(`${r}/pulls/comments{/number}`),
      commits: link(`${r}/pulls/${p.number}/commits`),
      statuses: link(`${r}/statuses/${p.headSha}`),
    },
    author_association: 'NONE',
    auto_merge: null,
    draft: false,
    merged: p.merged,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}

export interface IssueModel {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** An issue as the Issues API answers it; a pull request listed there carries `pull_request`. */
export function issue(site: Site, i: IssueModel, actor: string, pull?: PullModel): Issue {
  const r = `${site.api}/repos/${site.owner}/${site.repo}`;
  const html = `${site.web}/${site.owner}/${site.repo}/${pull ? 'pull' : 'issues'}/${i.number}`;
  return {
    id: 2000 + i.number,
    node_id: NODE_ID,
    url: `${r}/issues/${i.number}`,
    repository_url: r,
    labels_url: `${r}/issues/${i.number}/labels{/name}`,
    comments_url: `${r}/issues/${i.number}/comments`,
    events_url: `${r}/issues/${i.number}/events`,
    html_url: html,
    number: i.number,
    state: i.state,
    state_reason: i.state === 'closed' ? 'completed' : null,
    title: i.title,
    body: i.body,
    user: user(site, actor, 'Bot'),
    labels: i.labels.map((name, n) => label(site, name, 1000 + n)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: 0,
    closed_at: i.closedAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    author_association: 'NONE',
    ...(pull
      ? {
          pull_request: {
            merged_at: pull.merged ? pull.closedAt : null,
            diff_url: `${html}.diff`,
            html_url: html,
            patch_url: `${html}.patch`,
            url: `${r}/pulls/${i.number}`,
          },
        }
      : {}),
  };
}

/** GitHub's error body: message, documentation_url and (since 2023) the status as a string. */
export function errorBody(status: number, message: string, documentation = 'https://docs.github.com/rest', errors?: unknown[]) {
  return { message, ...(errors ? { errors } : {}), documentation_url: documentation, status: String(status) };
}

export type FullRepository = Data<'repos', 'get'>;
export type ContentFile = Extract<Data<'repos', 'getContent'>, { type: 'file'; content: string }>;
export type IssueComment = Data<'issues', 'createComment'>;

/** The caller's rights on the repository, as GitHub reports them to a user token (absent for an App's token). */
export interface Permissions {
  admin: boolean;
  maintain?: boolean;
  push: boolean;
  triage?: boolean;
  pull: boolean;
}

/** `GET /repos/{owner}/{repo}` (scenario get-repository), with `permissions` when the caller is a user. */
export function fullRepository(site: Site, defaultBranch: string, permissions?: Permissions): FullRepository {
  return {
    ...repository(site, defaultBranch),
    created_at: FIXTURE_DATE,
    updated_at: FIXTURE_DATE,
    pushed_at: FIXTURE_DATE,
    has_discussions: false,
    network_count: 0,
    subscribers_count: 42,
    ...(permissions ? { permissions } : {}),
  };
}

/** `GET /repos/{owner}/{repo}/contents/{path}` for a file: its content base64-encoded, in lines of 60 as GitHub sends it. */
export function contentFile(site: Site, path: string, ref: string, sha: string, content: string): ContentFile {
  const r = `${site.api}/repos/${site.owner}/${site.repo}`;
  const name = path.split('/').pop()!;
  const encoded = (
    Buffer.from(content, 'utf8')
      .toString('base64')
      .match(/.{1,60}/g) ?? ['']
  ).join('\n');
  const html = `${site.web}/${site.owner}/${site.repo}/blob/${ref}/${path}`;
  return {
    type: 'file',
    encoding: 'base64',
    size: Buffer.byteLength(content),
    name,
    path,
    content: `${encoded}\n`,
    sha,
    url: `${r}/contents/${path}?ref=${ref}`,
    git_url: `${r}/git/blobs/${sha}`,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${site.owner}/${site.repo}/${ref}/${path}`,
    _links: { self: `${r}/contents/${path}?ref=${ref}`, git: `${r}/git/blobs/${sha}`, html },
  };
}

export function issueComment(site: Site, number: number, id: number, body: string, actor: string, date: string): IssueComment {
  const r = `${site.api}/repos/${site.owner}/${site.repo}`;
  return {
    id,
    node_id: NODE_ID,
    url: `${r}/issues/comments/${id}`,
    html_url: `${site.web}/${site.owner}/${site.repo}/pull/${number}#issuecomment-${id}`,
    body,
    user: user(site, actor, 'Bot'),
    created_at: date,
    updated_at: date,
    issue_url: `${r}/issues/${number}`,
    author_association: 'NONE',
  };
}
