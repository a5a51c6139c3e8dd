/**
 * A small least-recently-used cache of serialised response bodies, keyed by everything that
 * shapes a body. Content is immutable for the life of a deployment, so entries never go stale;
 * the bound keeps memory flat under a flood of distinct queries.
 */
export interface ResponseCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
}

export function createResponseCache<V>(limit: number): ResponseCache<V> {
  const map = new Map<string, V>();
  return {
    get(key) {
      const value = map.get(key);
      if (value !== undefined) {
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      if (map.size > limit) map.delete(map.keys().next().value as string);
    },
    get size() {
      return map.size;
    },
  };
}
