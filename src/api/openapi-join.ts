/**
 * The join endpoints in the OpenAPI 3.1 document: path items for `POST /api/v1/join` and
 * `GET /api/v1/join/{reference}`, and component schemas generated from the join zod schemas
 * (`io: 'input'` for what clients send). `buildOpenApi(origin, { paths: joinPaths, schemas:
 * joinSchemas })` merges them; `Error` is the document's shared error component.
 */
import * as z from 'zod';
import { correctionRequestSchema } from '../schema/correction.ts';
import { SLUG_PATTERN } from '../schema/entry.ts';
import { JOIN_BODY_LIMIT, joinReceiptSchema, joinRequestSchema, joinStatusSchema, REFERENCE_PATTERN } from '../schema/join.ts';
import { errorSchema } from '../schema/api.ts';
import { REF, registryComponents, type JsonObject } from './openapi-components.ts';

function componentSchemas(): Record<string, JsonObject> {
  // A registry of our own, so these ids never collide with the global one the document also reads.
  const registry = z.registry<{ id: string }>();
  registry.add(joinRequestSchema, { id: 'JoinRequest' });
  registry.add(correctionRequestSchema, { id: 'CorrectionRequest' });
  const answers = z.registry<{ id: string }>();
  answers.add(joinReceiptSchema, { id: 'JoinReceipt' });
  answers.add(joinStatusSchema, { id: 'JoinStatus' });
  // A refused application may carry a renewed form token beside the error.
  answers.add(errorSchema.extend({ form_token: z.string().optional().describe('A renewed form token.') }), { id: 'JoinError' });
  return { ...registryComponents(registry, 'input'), ...registryComponents(answers, 'output') };
}

export const joinSchemas: Record<string, JsonObject> = componentSchemas();

const error = (description: string, extra: JsonObject = {}) => ({ description, content: { 'application/json': { schema: REF('Error') } }, ...extra });

/** The answers the editors' endpoints share: who may ask, and GitHub being asked. */
const EDITORS_ONLY: JsonObject = {
  '401': error('No token, or GitHub refused it', { headers: { 'WWW-Authenticate': { schema: { type: 'string' } } } }),
  '403': error('The account cannot write to the repository; locally, the request does not come from this machine'),
  '405': error('Method not allowed'),
  '414': error('The address is longer than 8 KB'),
  '429': { description: 'Too many requests from this address (Netlify rate limiting)' },
  '503': error('GitHub could not be asked; try again later', { headers: { 'Retry-After': { schema: { type: 'integer' } } } }),
};

/** What `GET /api/v1/applications` answers (src/join/endpoints/applications-endpoint.ts, `item`). */
const APPLICATIONS_SCHEMA: JsonObject = {
  type: 'object',
  required: ['data', 'meta'],
  properties: {
    data: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reference', 'kind', 'state', 'received_at', 'updated_at', 'name', 'slug', 'attempts', 'contact'],
        properties: {
          reference: { type: 'string' },
          kind: { enum: ['join', 'correction'] },
          state: { type: 'string' },
          received_at: { type: 'string', format: 'date-time' },
          updated_at: { type: 'string', format: 'date-time' },
          name: { type: 'string' },
          slug: { type: 'string' },
          attempts: { type: 'integer', minimum: 0 },
          contact: { anyOf: [{ type: 'null' }, { type: 'object', required: ['ciphertext'], properties: { ciphertext: { type: 'string' } } }] },
        },
      },
    },
    meta: { type: 'object', required: ['total', 'limit'], properties: { total: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1 } } },
  },
};

export const joinPaths: Record<string, JsonObject> = {
  '/api/v1/join': {
    post: {
      operationId: 'submitJoinRequest',
      tags: ['Join'],
      summary: 'Ask for a group to be listed in the directory',
      description: [
        'Validates the application, checks it for duplicates, encrypts the contact details for the editors (they are never published), and opens a pull request that editors review in the CMS (Workflow → Waiting for review).',
        'A `form_token` from the join page (`/join`) is required: it is signed, expires after a day, and cannot be used within seconds of being issued. One token names one application: sending it again answers with that application (200) and creates nothing.',
        'Send JSON, or a form (`application/x-www-form-urlencoded`) with the same fields: nested fields as `summary.fr` or `contact.email`, list fields repeated or one item per line. A form post that does not accept JSON is answered with HTML: a 303 to the thank-you page, or the form again with its errors.',
        `Bodies above ${JOIN_BODY_LIMIT / 1024} KB are refused (413). Requests are rate limited per IP address (429).`,
      ].join('\n\n'),
      requestBody: {
        required: true,
        content: { 'application/json': { schema: REF('JoinRequest') }, 'application/x-www-form-urlencoded': { schema: REF('JoinRequest') } },
      },
      responses: {
        '200': {
          description: 'This form was already submitted: the existing application, nothing new created.',
          content: { 'application/json': { schema: REF('JoinReceipt') } },
        },
        '201': {
          description: 'Received, and its pull request is open for review.',
          headers: { Location: { description: 'The status URL of the application.', schema: { type: 'string', format: 'uri' } } },
          content: { 'application/json': { schema: REF('JoinReceipt') } },
        },
        '202': {
          description: 'Received and stored; GitHub is failing, so it is queued and will be delivered automatically.',
          headers: { Location: { description: 'The status URL of the application.', schema: { type: 'string', format: 'uri' } } },
          content: { 'application/json': { schema: REF('JoinReceipt') } },
        },
        '303': { description: 'For a plain HTML form post: to the thank-you page, `/join/thanks?reference=…`.' },
        '400': {
          description:
            'Invalid application: `error.fields` has a message per field. When the form token was the problem, a renewed `form_token` comes with the answer.',
          content: { 'application/json': { schema: REF('JoinError') } },
        },
        '403': error('A form post from another site (its `Origin` or `Sec-Fetch-Site` says so) is refused; API clients send no `Origin`.'),
        '405': error('Method not allowed'),
        '409': error(
          'The group seems to be listed already, or waiting for review: `error.fields` names the match. Send again with `confirm_distinct: true` if it is another group.',
        ),
        '413': error('The body is too large'),
        '415': error('Send JSON or a form'),
        '429': { description: 'Too many requests from this address (Netlify rate limiting)' },
        '503': error('The application could not be stored; nothing was saved. Try again later.', {
          headers: { 'Retry-After': { schema: { type: 'integer' } } },
        }),
      },
    },
  },
  '/api/v1/groups/{slug}/corrections': {
    post: {
      operationId: 'submitCorrection',
      tags: ['Join'],
      summary: 'Propose a correction of an entry',
      description: [
        'Anyone may say an entry is wrong. Give the values as they should be: absent fields stay as they are, `null` (or an empty form field) removes an optional value, `summary` and `purpose` change per language. The editorial fields (`slug`, `network_relation`, `relation_note`, `sources`, `created`, `updated`) are refused: a change of the group’s relation to the network goes in `relation_claim`, with a `source_url`, for the editors to check.',
        'The correction is validated against the entry the directory publishes, its contact details are encrypted for the editors, and it opens the pull request Decap CMS makes for an edit: branch `cms/groups/{slug}`, one commit changing only the corrected values, title `Update groups “{slug}”`, labels `decap-cms/pending_review` and `correction-request`. When an editor already has a draft of the entry, the correction waits (202, `queued`) and arrives once the draft is published or deleted; the draft is never touched.',
        'The same defences and answers as `POST /api/v1/join`: a `form_token` from the correction page (`/groups/{slug}/correction`), a honeypot, rate limits, JSON or a form (a plain form post gets a 303 to the thank-you page). Follow it with `GET /api/v1/join/{reference}`.',
      ].join('\n\n'),
      parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: SLUG_PATTERN.source } }],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: REF('CorrectionRequest') }, 'application/x-www-form-urlencoded': { schema: REF('CorrectionRequest') } },
      },
      responses: {
        '200': {
          description: 'This form was already submitted: the existing correction, nothing new created.',
          content: { 'application/json': { schema: REF('JoinReceipt') } },
        },
        '201': {
          description: 'Received, and its pull request is open for review.',
          headers: { Location: { description: 'The status URL of the correction.', schema: { type: 'string', format: 'uri' } } },
          content: { 'application/json': { schema: REF('JoinReceipt') } },
        },
        '202': {
          description: 'Received and stored; it is queued (GitHub is failing, or an editor has a draft of this entry) and will be delivered automatically.',
          headers: { Location: { description: 'The status URL of the correction.', schema: { type: 'string', format: 'uri' } } },
          content: { 'application/json': { schema: REF('JoinReceipt') } },
        },
        '303': { description: 'For a plain HTML form post: to the thank-you page, `/groups/{slug}/correction/thanks?reference=…`.' },
        '400': {
          description:
            'Invalid correction, or one that changes nothing (`error.fields.changes`): a message per field. When the form token was the problem, a renewed `form_token` comes with the answer.',
          content: { 'application/json': { schema: REF('JoinError') } },
        },
        '403': error('A form post from another site (its `Origin` or `Sec-Fetch-Site` says so) is refused; API clients send no `Origin`.'),
        '404': error('The directory has no entry with this slug'),
        '405': error('Method not allowed'),
        '413': error('The body is too large'),
        '414': error('The address is longer than 8 KB'),
        '415': error('Send JSON or a form'),
        '429': { description: 'Too many requests from this address (Netlify rate limiting)' },
        '503': error('The correction could not be stored; nothing was saved. Try again later.', {
          headers: { 'Retry-After': { schema: { type: 'integer' } } },
        }),
      },
    },
  },
  '/api/v1/applications': {
    get: {
      operationId: 'listApplications',
      tags: ['Join'],
      summary: 'For editors: applications and corrections, with encrypted contact details',
      description:
        'Editors only: send the GitHub token of an account with write access to the content repository (`Authorization: token …`, what Decap CMS holds after a GitHub login); with no GitHub configured (the embedded default), only a request from this machine to a loopback host name. Contact details come as age ciphertext, for the editor to decrypt with their own identity (the CMS page `/admin/applications.html` does it in the browser). `DELETE /api/v1/applications/{reference}/contact` forgets them.',
      responses: {
        '200': {
          description: 'Applications and corrections, newest first (at most `meta.limit`).',
          content: { 'application/json': { schema: APPLICATIONS_SCHEMA } },
        },
        ...EDITORS_ONLY,
      },
    },
  },
  '/api/v1/applications/{reference}/contact': {
    delete: {
      operationId: 'forgetApplicationContact',
      tags: ['Join'],
      summary: 'For editors: forget the contact details of an application or correction',
      description:
        'Deletes the encrypted contact details of one application or correction (once the editors no longer need them); its public data and state stay. Editors only, as `GET /api/v1/applications`.',
      parameters: [{ name: 'reference', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '204': { description: 'The contact details are gone (or were already).' },
        '404': error('No application has this reference'),
        ...EDITORS_ONLY,
      },
    },
  },
  '/api/v1/join/{reference}': {
    get: {
      operationId: 'getJoinRequestStatus',
      tags: ['Join'],
      summary: 'Where an application stands',
      description:
        'received, queued (GitHub was failing; it will be delivered), pull_request_opened (waiting for the editors), accepted, declined. No personal data.',
      parameters: [{ name: 'reference', in: 'path', required: true, schema: { type: 'string', pattern: REFERENCE_PATTERN.source } }],
      responses: {
        '200': { description: 'The state of the application', content: { 'application/json': { schema: REF('JoinStatus') } } },
        '404': error('No application has this reference'),
        '405': error('Method not allowed'),
        '414': error('The address is longer than 8 KB'),
      },
    },
  },
};
