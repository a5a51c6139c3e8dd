/**
 * Netlify reads each function's route from a literal in the function file, so the routes module
 * (src/schema/routes.ts) cannot be imported there; this checks every function says what it declares.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FUNCTION_ROUTES } from '../../src/schema/routes.ts';
import { PROJECT_ROOT } from '../support/project-root.ts';

const FUNCTIONS = join(PROJECT_ROOT, 'netlify/functions');
const names = readdirSync(FUNCTIONS)
  .filter((f) => f.endsWith('.mts'))
  .map((f) => f.replace(/\.mts$/, ''))
  .sort();

describe('the routes module', () => {
  it('names every function and no other', () => {
    expect(Object.keys(FUNCTION_ROUTES).sort()).toEqual(names);
  });

  it.each(names)('agrees with the route %s declares', async (name) => {
    vi.stubEnv('JOIN_LOCAL_REPOSITORY', PROJECT_ROOT);
    const { config } = (await import(join(FUNCTIONS, `${name}.mts`))) as { config: { path?: string | string[] } };
    const declared = FUNCTION_ROUTES[name];
    const actual = config.path === undefined ? null : config.path;
    if (Array.isArray(declared)) expect([actual].flat().sort()).toEqual([...declared].sort());
    else expect(actual).toEqual(declared);
  });
});
