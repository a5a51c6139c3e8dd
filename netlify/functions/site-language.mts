// GET /language?set=fr&to=/fr/… — the language switch: remembers the choice, goes to the page in that language.
import type { Config } from '@netlify/functions';
import { createLanguageSwitchEndpoint } from '../../src/site/language-endpoint.ts';

export default createLanguageSwitchEndpoint();

export const config: Config = { path: '/language' };
