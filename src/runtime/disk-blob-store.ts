/**
 * The join's store on local disk, for the self-hosted runtime (`npm run serve`): the part of a
 * Netlify Blobs store the pipeline uses (get, getWithMetadata, set, setJSON, delete, list), with
 * the guarantees its exactly-once delivery relies on, across every process that opens the same
 * folder (the server, its schedule, `npm run join:deliver`, `npm run join:contacts`):
 *
 * - strong consistency: a write is a rename of a complete temporary file, so a read sees the
 *   whole old value or the whole new one, and always the latest;
 * - `onlyIfNew` and `onlyIfMatch` are compare-and-set: every write takes the store's lock file
 *   (created with O_EXCL, which only one process can do), reads the current ETag, and writes
 *   only if the condition holds. A lock left by a crashed process is taken over after
 *   `staleLockMs`.
 *
 * ETags are content hashes. (Netlify's local BlobsServer is not enough here: its conditional
 * writes check and then write with awaits in between, and its ETags are derived from the file's
 * modification time, so two writes in one millisecond look alike.)
 * https://docs.netlify.com/build/data-and-storage/netlify-blobs/#api-reference
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from '../join/store/application-store.ts';

const LOCK = '.lock';
const TEMP_PREFIX = '.tmp-';

const etagOf = (bytes: Buffer) => `"${createHash('sha256').update(bytes).digest('base64url')}"`;
/** One flat file per key; `encodeURIComponent` keeps `/` and `.` out of names that start a path. */
const fileName = (key: string) => encodeURIComponent(key).replace(/^\./, '%2E');
const keyOf = (name: string) => decodeURIComponent(name);

type GetType = 'text' | 'json' | 'arrayBuffer';
type WriteOptions = { onlyIfNew?: boolean; onlyIfMatch?: string };

export interface DiskBlobStoreOptions {
  staleLockMs?: number;
}

export function createDiskBlobStore(directory: string, options: DiskBlobStoreOptions = {}): BlobStore {
  mkdirSync(directory, { recursive: true });
  const staleLockMs = options.staleLockMs ?? 30_000;
  const lockPath = join(directory, LOCK);

  async function withLock<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const handle = await open(lockPath, 'wx');
        await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
        await handle.close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const held = await stat(lockPath).catch(() => undefined);
        if (held && Date.now() - held.mtimeMs > staleLockMs) {
          // Rename is atomic: of two processes taking over a stale lock, one wins the rename.
          const aside = join(directory, `${LOCK}-stale-${randomBytes(6).toString('hex')}`);
          if (
            await rename(lockPath, aside).then(
              () => true,
              () => false,
            )
          )
            await rm(aside, { force: true });
          continue;
        }
        await new Promise((r) => setTimeout(r, Math.min(50, 2 + attempt * 2)));
      }
    }
    try {
      return await work();
    } finally {
      await rm(lockPath, { force: true });
    }
  }

  async function readBytes(key: string): Promise<Buffer | null> {
    try {
      return await readFile(join(directory, fileName(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  function decode(bytes: Buffer, type: GetType | undefined): unknown {
    if (type === 'json') return JSON.parse(bytes.toString('utf8'));
    if (type === 'arrayBuffer') return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return bytes.toString('utf8');
  }

  async function write(key: string, data: Buffer, options: WriteOptions = {}): Promise<{ modified: boolean; etag?: string }> {
    return withLock(async () => {
      if (options.onlyIfNew || options.onlyIfMatch) {
        const current = await readBytes(key);
        if (options.onlyIfNew && current) return { modified: false };
        if (options.onlyIfMatch && (!current || etagOf(current) !== options.onlyIfMatch)) return { modified: false };
      }
      const temp = join(directory, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
      await writeFile(temp, data, { flush: true });
      await rename(temp, join(directory, fileName(key)));
      return { modified: true, etag: etagOf(data) };
    });
  }

  const toBytes = (value: unknown): Buffer =>
    typeof value === 'string'
      ? Buffer.from(value)
      : value instanceof ArrayBuffer
        ? Buffer.from(value)
        : ArrayBuffer.isView(value)
          ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
          : Buffer.from(String(value));

  const store = {
    async get(key: string, opts?: { type?: GetType }) {
      const bytes = await readBytes(key);
      return bytes === null ? null : decode(bytes, opts?.type);
    },
    async getWithMetadata(key: string, opts?: { type?: GetType }) {
      const bytes = await readBytes(key);
      return bytes === null ? null : { data: decode(bytes, opts?.type), etag: etagOf(bytes), metadata: {} };
    },
    set(key: string, value: unknown, opts?: WriteOptions) {
      return write(key, toBytes(value), opts);
    },
    setJSON(key: string, value: unknown, opts?: WriteOptions) {
      return write(key, Buffer.from(JSON.stringify(value)), opts);
    },
    async delete(key: string) {
      await withLock(() => rm(join(directory, fileName(key)), { force: true }));
    },
    async list(opts?: { prefix?: string }) {
      const names = await readdir(directory);
      const blobs = [];
      for (const name of names) {
        if (name.startsWith('.')) continue;
        const key = keyOf(name);
        if (opts?.prefix && !key.startsWith(opts.prefix)) continue;
        const bytes = await readBytes(key);
        if (bytes) blobs.push({ key, etag: etagOf(bytes) });
      }
      return { blobs, directories: [] as string[] };
    },
  };
  return store as unknown as BlobStore;
}
