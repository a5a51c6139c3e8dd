/** The benchmark's fixed query mix, shared by `npm run bench` and the engines-agree test. */
import { parseParams } from '../src/engine/parse-query.ts';
import { groupsQuerySchema } from '../src/schema/query.ts';

/** The fixed mix: filters, text, multi-subject, facets, sorts and deep pages. */
export const MIX_QUERIES = [
  '',
  'country=FR',
  'country=ES,AR&scope=national',
  'subject=labour-rights,migrants-rights&subject_mode=all',
  'subject=public-services,education,health',
  'q=sindicato',
  'q=solidarit',
  'q=precariedad servicios',
  'q=union&facets=country,scope&sort=name',
  'facets=country,scope,subject,sector,language,relation',
  'country=BR&facets=country,subject,relation',
  'sort=-updated&page=3',
  'updated_since=2024-01-01&sector=education',
  'language=it&relation=member,founding_member&facets=relation',
];

export const MIX = MIX_QUERIES.map((qs) => {
  const parsed = parseParams(groupsQuerySchema, new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(`bad query in the mix: ${qs}`);
  return parsed.value;
});
