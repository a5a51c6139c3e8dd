/**
 * The join as a Netlify function binds it: the list artefact read from disk (shipped by
 * `included_files`), applications in Netlify Blobs with strong consistency, settings from the
 * environment. One place, so the four join functions cannot drift apart.
 */
import { getStore } from '@netlify/blobs';
import { readArtefact } from './read-artefact.ts';
import { wireJoin } from '../join/wire.ts';

export function wireJoinFunction(moduleUrl: string) {
  const artefact = readArtefact('directory-list.json', moduleUrl);
  return wireJoin(process.env, { artefact, openStore: (name) => getStore({ name, consistency: 'strong' }) });
}
