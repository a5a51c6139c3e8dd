/**
 * The join as a Netlify function binds it: the list artefact read from disk (shipped by
 * `included_files`), applications in Netlify Blobs with strong consistency (or, self-hosted, on
 * local disk: src/runtime/blob-stores.ts), settings from the environment. One place, so the
 * four join functions cannot drift apart.
 */
import { openBlobStore } from './blob-stores.ts';
import { readArtefact } from './read-artefact.ts';
import { wireJoin } from '../join/wire.ts';

/** `artefact`: the list artefact, or the whole directory for the functions that take corrections (they compare purposes). */
export function wireJoinFunction(moduleUrl: string, artefactName: 'directory-list.json' | 'directory.json' = 'directory-list.json') {
  const artefact = readArtefact(artefactName, moduleUrl);
  return wireJoin(process.env, { artefact, openStore: (name) => openBlobStore(name) });
}
