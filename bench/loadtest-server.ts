/**
 * The functions under load, one process: the groups endpoint over a seeded 10k-entry directory
 * (the slim list artefact, loaded the way the bundled function loads it), and a constant,
 * pre-serialised 20-entry JSON body behind the same adapter as the ceiling.
 */
import { readFileSync } from 'node:fs';
import { createGroupsEndpoint } from '../src/api/read-endpoints.ts';
import { createDirectory } from '../src/engine/directory.ts';
import type { Artefact } from '../src/engine/artefact.ts';
import { serve } from './http-adapter.ts';

const port = Number(process.argv[2]);
/** The list artefact as JSON, written by bench/loadtest.ts (so start-up here is one JSON.parse). */
const artefact = JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as Artefact;
const groups = createGroupsEndpoint(createDirectory(artefact));
const constantText = await (await groups(new Request(`http://127.0.0.1:${port}/api/v1/groups?per_page=20`))).text();
const constant = () => new Response(constantText, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' } });

const server = await serve({ '/api/v1/groups': groups, '/constant': constant }, port);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
console.log('ready');
