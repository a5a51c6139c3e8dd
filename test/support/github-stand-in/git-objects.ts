/**
 * Real Git object ids for the stand-in's repository: a blob, tree or commit gets the SHA-1 Git
 * itself would give it (https://git-scm.com/book/en/v2/Git-Internals-Git-Objects), so SHAs in
 * answers behave like GitHub's — the same content always has the same id.
 */
import { createHash } from 'node:crypto';

export const sha1 = (type: string, body: Buffer) =>
  createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]))
    .digest('hex');

export const blobSha = (content: string) => sha1('blob', Buffer.from(content, 'utf8'));

/** Files (path → blob SHA) → the root tree's SHA, writing every subtree through `store`. */
export function treeSha(files: ReadonlyMap<string, string>, store: (sha: string, entries: TreeEntry[]) => void): string {
  const here = new Map<string, string>();
  const below = new Map<string, Map<string, string>>();
  for (const [path, sha] of files) {
    const slash = path.indexOf('/');
    if (slash < 0) here.set(path, sha);
    else {
      const dir = path.slice(0, slash);
      if (!below.has(dir)) below.set(dir, new Map());
      below.get(dir)!.set(path.slice(slash + 1), sha);
    }
  }
  const entries: TreeEntry[] = [
    ...[...here].map(([name, sha]) => ({ name, mode: '100644', type: 'blob' as const, sha })),
    ...[...below].map(([name, sub]) => ({ name, mode: '040000', type: 'tree' as const, sha: treeSha(sub, store) })),
  ];
  // Git orders entries by name, a tree's name compared as if it ended with "/".
  entries.sort((a, b) => {
    const ka = a.type === 'tree' ? `${a.name}/` : a.name;
    const kb = b.type === 'tree' ? `${b.name}/` : b.name;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const body = Buffer.concat(
    entries.map((e) => Buffer.concat([Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')])),
  );
  const sha = sha1('tree', body);
  store(sha, entries);
  return sha;
}

export interface TreeEntry {
  name: string;
  mode: string;
  type: 'blob' | 'tree';
  sha: string;
}

export interface Signature {
  name: string;
  email: string;
  date: string;
}

export function commitSha(tree: string, parents: readonly string[], author: Signature, committer: Signature, message: string): string {
  const stamp = (s: Signature) => `${s.name} <${s.email}> ${Math.floor(Date.parse(s.date) / 1000)} +0000`;
  const text = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author ${stamp(author)}`, `committer ${stamp(committer)}`, '', message].join('\n');
  return sha1('commit', Buffer.from(text, 'utf8'));
}
