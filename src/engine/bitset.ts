/**
 * Sets of doc ids as bitsets: one bit per doc in 32-bit words (`Uint32Array`), so intersecting two
 * filters handles 32 docs per operation and counting is a population count per word. Bits past
 * the last doc are always 0, so every operation may run over whole words.
 *
 * Pure helpers over caller-owned arrays: they allocate nothing unless they say so.
 */

/** Words needed for `n` docs. */
export const wordsFor = (n: number): number => (n + 31) >>> 5;

/** Set bits in one 32-bit word (SWAR population count: 12 integer operations, no table). */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export function popcount(bits: Uint32Array): number {
  let c = 0;
  for (let w = 0; w < bits.length; w++) {
    const x = bits[w]!;
    if (x !== 0) c += popcount32(x);
  }
  return c;
}

/** |a ∩ b| without materialising the intersection. */
export function intersectionCount(a: Uint32Array, b: Uint32Array): number {
  let c = 0;
  for (let w = 0; w < a.length; w++) {
    const x = a[w]! & b[w]!;
    if (x !== 0) c += popcount32(x);
  }
  return c;
}

/** Sets the bits of `ids` (any order) in `bits`. */
export function setAll(bits: Uint32Array, ids: ArrayLike<number>, from = 0, to = ids.length, stride = 1): void {
  for (let i = from; i < to; i += stride) {
    const id = ids[i]!;
    bits[id >>> 5]! |= 1 << (id & 31);
  }
}

export const has = (bits: Uint32Array, id: number): boolean => (bits[id >>> 5]! & (1 << (id & 31))) !== 0;

/** out = a ∩ b; returns |out|. `out` may be `a` or `b`. */
export function andInto(out: Uint32Array, a: Uint32Array, b: Uint32Array): number {
  let c = 0;
  for (let w = 0; w < out.length; w++) {
    const x = a[w]! & b[w]!;
    out[w] = x;
    if (x !== 0) c += popcount32(x);
  }
  return c;
}

/** out = a ∪ b. `out` may be `a` or `b`. */
export function orInto(out: Uint32Array, a: Uint32Array, b: Uint32Array): void {
  for (let w = 0; w < out.length; w++) out[w] = a[w]! | b[w]!;
}

/**
 * Writes the set ids of `bits` in ascending order into `out` and returns how many. Visits only
 * the set bits: a zero word costs one comparison.
 */
export function collect(bits: Uint32Array, out: Int32Array | number[]): number {
  let k = 0;
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w]!;
    while (x !== 0) {
      const low = x & -x;
      out[k++] = (w << 5) | (31 - Math.clz32(low));
      x ^= low;
    }
  }
  return k;
}

/**
 * Ids of the set bits from the `skip`-th on (0-based, ascending or descending), at most `take` of
 * them: whole words are skipped by their population count, so a deep page costs one popcount per
 * 32 docs before it, not one test per doc.
 */
export function nthOnward(bits: Uint32Array, skip: number, take: number, descending: boolean): number[] {
  const out: number[] = [];
  if (take <= 0) return out;
  const last = bits.length - 1;
  for (let i = 0; i <= last; i++) {
    const w = descending ? last - i : i;
    let x = bits[w]!;
    if (x === 0) continue;
    if (skip > 0) {
      const c = popcount32(x);
      if (skip >= c) {
        skip -= c;
        continue;
      }
    }
    while (x !== 0) {
      let bit: number;
      if (descending) {
        bit = 31 - Math.clz32(x);
        x ^= 1 << bit;
      } else {
        const low = x & -x;
        bit = 31 - Math.clz32(low);
        x ^= low;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      out.push((w << 5) | bit);
      if (out.length === take) return out;
    }
  }
  return out;
}
