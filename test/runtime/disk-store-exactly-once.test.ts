/**
 * The self-hosted join store (src/runtime/disk-blob-store.ts) keeps the guarantees exactly-once
 * delivery relies on, across processes: of many concurrent `onlyIfNew` writes of one key, one
 * wins; of many concurrent leases of one queued application (compare-and-set on its ETag), one
 * wins; a reader never sees a half-written value; and it is the store the functions and the
 * operator commands open when JOIN_STORE_DIR is set.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueue } from '../../src/join/store/queue.ts';
import { openBlobStore } from '../../src/runtime/blob-stores.ts';
import { createDiskBlobStore } from '../../src/runtime/disk-blob-store.ts';
import { openJoinStore } from '../../src/runtime/join-store.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sd-disk-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function raceInChild(dir: string, startAt: number, tries: number): Promise<{ created: number; leased: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support', 'race-writer.ts'), dir, String(startAt), String(tries)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`race writer exit ${code}`))));
  });
}

describe('the disk store', { timeout: 60_000 }, () => {
  it('lets exactly one of many processes and requests create a key, and lease an item', async () => {
    const dir = tempDir();
    const store = createDiskBlobStore(dir);
    const queue = createQueue(store, () => new Date());
    await queue.enqueue('REF-1', new Date(0));
    const startAt = Date.now() + 2500; // the children need a moment to load
    const children = [raceInChild(dir, startAt, 15), raceInChild(dir, startAt, 15)];
    await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
    const created = await Promise.all(Array.from({ length: 15 }, (_, i) => store.setJSON('claims/new', { by: `parent-${i}` }, { onlyIfNew: true })));
    const leased = await Promise.all(Array.from({ length: 15 }, () => queue.lease('REF-1', 60_000, true)));
    const results = await Promise.all(children);
    const totalCreated = created.filter((r) => r.modified).length + results.reduce((n, r) => n + r.created, 0);
    const totalLeased = leased.filter(Boolean).length + results.reduce((n, r) => n + r.leased, 0);
    expect(totalCreated).toBe(1);
    expect(totalLeased).toBe(1);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]); // no lock or temporary file left behind
  });

  it('refuses a write whose ETag is stale, and reads whole values with their ETag', async () => {
    const store = createDiskBlobStore(tempDir());
    expect((await store.setJSON('a', { n: 1 })).modified).toBe(true);
    const first = (await store.getWithMetadata('a', { type: 'json' }))!;
    expect(first.data).toEqual({ n: 1 });
    expect((await store.setJSON('a', { n: 2 }, { onlyIfMatch: first.etag! })).modified).toBe(true);
    expect((await store.setJSON('a', { n: 3 }, { onlyIfMatch: first.etag! })).modified).toBe(false);
    expect(await store.get('a', { type: 'json' })).toEqual({ n: 2 });
    expect((await store.set('a', 'x', { onlyIfNew: true })).modified).toBe(false);
    await store.set('contacts/R', 'armored text');
    expect((await store.list({ prefix: 'contacts/' })).blobs.map((b) => b.key)).toEqual(['contacts/R']);
    await store.delete('contacts/R');
    expect(await store.get('contacts/R', { type: 'text' })).toBeNull();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    const store = createDiskBlobStore(dir, { staleLockMs: 200 });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, '.lock'), '999999 crashed\n');
    await new Promise((r) => setTimeout(r, 300));
    expect((await store.setJSON('after-crash', { ok: true }, { onlyIfNew: true })).modified).toBe(true);
  });

  it('is what the functions and the operator commands open when JOIN_STORE_DIR is set', async () => {
    const dir = tempDir();
    const env = { JOIN_STORE_DIR: dir };
    await openBlobStore('join-applications', env).setJSON('outbox/REF-2', { reference: 'REF-2', not_before: new Date(0).toISOString(), attempts: 0 });
    const opened = await openJoinStore('join-applications', env, ROOT);
    expect(opened.where).toContain(dir);
    expect(await createQueue(opened.store, () => new Date()).list()).toMatchObject([{ reference: 'REF-2' }]);
    await opened.close();
  });
});
