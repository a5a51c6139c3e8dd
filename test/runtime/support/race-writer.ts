/**
 * Another process racing for the same disk store (test/runtime/disk-store-exactly-once.test.ts):
 * waits until the start time, then tries `tries` conditional writes and leases, and prints how
 * many it won as one JSON line.
 *
 *   node --import tsx race-writer.ts <store dir> <start epoch ms> <tries>
 */
import { createDiskBlobStore } from '../../../src/runtime/disk-blob-store.ts';
import { createQueue } from '../../../src/join/store/queue.ts';

const [dir, startAt, tries] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const store = createDiskBlobStore(dir);
const queue = createQueue(store, () => new Date());
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const created = await Promise.all(Array.from({ length: tries }, (_, i) => store.setJSON('claims/new', { by: `child-${i}` }, { onlyIfNew: true })));
const leased = await Promise.all(Array.from({ length: tries }, () => queue.lease('REF-1', 60_000, true)));
console.log(JSON.stringify({ created: created.filter((r) => r.modified).length, leased: leased.filter(Boolean).length }));
