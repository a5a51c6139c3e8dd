/**
 * The self-hosted runtime's router remembers the function each method and path went to (every
 * request, static files too, asks it first; testing polyfilled URLPatterns was a fifth of a cached
 * answer's CPU). Remembering must not change a single answer: the same function and params for a
 * path however often it is asked, other params for another path of the same pattern, a miss stays
 * a miss, and past its bound (made-up paths without end) it starts afresh and stays right.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFunctionRouter, loadFunctions, routeParams, type LoadedFunction } from '../../src/runtime/functions.ts';

let dir: string;
let functions: LoadedFunction[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sd-router-'));
  const fn = (path: string, extra = '') => `export default () => new Response('ok');\nexport const config = { path: ${JSON.stringify(path)}${extra} };\n`;
  writeFileSync(join(dir, 'a-item.mjs'), fn('/items/:id', ", excludedPath: '/items/secret'"));
  writeFileSync(join(dir, 'b-list.mjs'), fn('/items'));
  writeFileSync(join(dir, 'c-post.mjs'), fn('/form', ", method: 'POST'"));
  functions = await loadFunctions(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the function router', () => {
  it('gives the same answer however often a path is asked, and each path its own params', () => {
    const router = createFunctionRouter(functions);
    for (let round = 0; round < 3; round++) {
      expect(router('/items/a', 'GET')?.fn.name).toBe('a-item');
      expect(router('/items', 'GET')?.fn.name).toBe('b-list');
      expect(router('/items/secret', 'GET')).toBeUndefined();
      expect(router('/form', 'GET')).toBeUndefined();
      expect(router('/form', 'POST')?.fn.name).toBe('c-post');
      expect(router('/assets/site.css', 'GET')).toBeUndefined();
    }
    const route = router('/items/a', 'GET')!.route;
    expect(routeParams(route.pattern, new URL('http://x/items/a'))).toEqual({ id: 'a' });
    expect(routeParams(route.pattern, new URL('http://x/items/b'))).toEqual({ id: 'b' });
    expect(routeParams('/items', new URL('http://x/items'))).toEqual({});
  });

  it('stays right past its bound', () => {
    const router = createFunctionRouter(functions);
    for (let i = 0; i < 3000; i++) {
      expect(router(`/items/n${i}`, 'GET')?.fn.name).toBe('a-item');
      expect(router(`/nothing/${i}`, 'GET')).toBeUndefined();
    }
    expect(router('/items', 'GET')?.fn.name).toBe('b-list');
    expect(router('/items/secret', 'GET')).toBeUndefined();
  });
});
