/**
 * An in-memory Netlify Blobs store with the semantics the join pipeline relies on — strong reads,
 * ETags, `onlyIfNew` and `onlyIfMatch` conditional writes (checked atomically, as production
 * Blobs does; the local emulation the join tests use checks them non-atomically), prefix
 * listing — for tests that put GitHub, not the store, under stress and need hundreds of
 * applications in seconds. Values are kept as text, so no caller shares an object with the store.
 * test/join/ runs the same pipeline against the real Blobs emulation.
 */
import type { BlobStore } from '../../src/join/store/application-store.ts';

interface Conditions {
  onlyIfNew?: boolean;
  onlyIfMatch?: string;
}

export function memoryBlobs(): BlobStore & { keys(): string[] } {
  const data = new Map<string, { text: string; etag: string }>();
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve)); // a network store answers later, never synchronously
  let version = 0;
  const read = (text: string, type?: string) => (type === 'json' ? JSON.parse(text) : text);

  async function write(key: string, text: string, conditions: Conditions = {}) {
    await tick();
    const existing = data.get(key);
    if (conditions.onlyIfNew && existing) return { modified: false };
    if (conditions.onlyIfMatch !== undefined && existing?.etag !== conditions.onlyIfMatch) return { modified: false };
    const etag = `"${++version}"`;
    data.set(key, { text, etag });
    return { modified: true, etag };
  }

  const store = {
    async get(key: string, options: { type?: string } = {}) {
      await tick();
      const found = data.get(key);
      return found ? read(found.text, options.type) : null;
    },
    async getWithMetadata(key: string, options: { type?: string } = {}) {
      await tick();
      const found = data.get(key);
      return found ? { data: read(found.text, options.type), etag: found.etag, metadata: {} } : null;
    },
    set: (key: string, value: string, options?: Conditions) => write(key, String(value), options),
    setJSON: (key: string, value: unknown, options?: Conditions) => write(key, JSON.stringify(value), options),
    async delete(key: string) {
      await tick();
      data.delete(key);
    },
    async list(options: { prefix?: string } = {}) {
      await tick();
      const blobs = [...data].filter(([key]) => key.startsWith(options.prefix ?? '')).map(([key, { etag }]) => ({ key, etag }));
      return { blobs, directories: [] };
    },
    keys: () => [...data.keys()].sort(),
  };
  return store as unknown as BlobStore & { keys(): string[] };
}
