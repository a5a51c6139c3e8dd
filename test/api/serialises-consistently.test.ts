import { describe, expect, it } from 'vitest';
import { cachingItemSerialiser, listGroups, listGroupsJson } from '../../src/api/list-groups.ts';
import { parseParams } from '../../src/engine/parse-query.ts';
import { groupsQuerySchema } from '../../src/schema/query.ts';
import { fixtureDirectory } from '../support/fixture-directory.ts';

const dir = fixtureDirectory();

describe('the list endpoint’s JSON assembly', () => {
  it.each(['', 'facets=country,subject&country=FR', 'q=union&lang=fr', 'fields=name,lang&per_page=2&page=2', 'sort=-updated&lang=pt'])(
    'gives byte-for-byte what serialising the body gives, cached or not (%s)',
    (qs) => {
      const parsed = parseParams(groupsQuerySchema, new URLSearchParams(qs));
      if (!parsed.ok) throw new Error('bad query');
      const prefs = parsed.value.lang ? [parsed.value.lang, 'en' as const] : (['en'] as const);
      const plain = listGroups(dir, parsed.value, prefs, 'https://d.example');
      const item = cachingItemSerialiser(dir);
      for (let round = 0; round < 2; round++) {
        const text = listGroupsJson(dir, parsed.value, prefs, 'https://d.example', item);
        expect(text.ok && plain.ok).toBe(true);
        if (text.ok && plain.ok) expect(text.text).toBe(JSON.stringify(plain.body));
      }
    },
  );
});
