/**
 * The join endpoints in the OpenAPI 3.1 document: path items for `POST /api/v1/join` and
 * `GET /api/v1/join/{reference}`, and component schemas generated from the join zod schemas
 * (`io: 'input'` for what clients send). `buildOpenApi(origin, { paths: joinPaths, schemas:
 * joinSchemas })` merges them; `Error` is the document's shared error component.
 */
import * as z from 'zod';
import { JOIN_BODY_LIMIT, joinReceiptSchema, joinRequestSchema, joinStatusSchema, REFERENCE_PATTERN } from '../schema/join.ts';
import { errorSchema } from '../schema/api.ts';
import { REF, registryComponents, type JsonObject } from './openapi-components.ts';

function componentSchemas(): Record<string, JsonObject> {
  // A registry of our own, so these ids never collide with the global one the document also reads.
  const registry = z.registry<{ id: string }>();
  registry.add(joinRequestSchema, { id: 'JoinRequest' });
  const answers = z.registry<{ id: string }>();
  answers.add(joinReceiptSchema, { id: 'JoinReceipt' });
  answers.add(joinStatusSchema, { id: 'JoinStatus' });
  // A refused application may carry a renewed form token beside the error.
  answers.add(errorSchema.extend({ form_token: z.string().optional().describe('A renewed form token.') }), { id: 'JoinError' });
  return { ...registryComponents(registry, 'input'), ...registryComponents(answers, 'output') };
}

export const joinSchemas: Record<string, JsonObject> = componentSchemas();

const error = (description: string, extra: JsonObject = {}) => ({ description, content: { 'application/json': { schema: REF('Error') } }, ...extra });

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
        '200': { description: 'This form was already submitted: the existing application, nothing new created.', content: { 'application/json': { schema: REF('JoinReceipt') } } },
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
          description: 'Invalid application: `error.fields` has a message per field. When the form token was the problem, a renewed `form_token` comes with the answer.',
          content: { 'application/json': { schema: REF('JoinError') } },
        },
        '403': error('A form post from another site (its `Origin` or `Sec-Fetch-Site` says so) is refused; API clients send no `Origin`.'),
        '405': error('Method not allowed'),
        '409': error('The group seems to be listed already, or waiting for review: `error.fields` names the match. Send again with `confirm_distinct: true` if it is another group.'),
        '413': error('The body is too large'),
        '415': error('Send JSON or a form'),
        '429': { description: 'Too many requests from this address (Netlify rate limiting)' },
        '503': error('The application could not be stored; nothing was saved. Try again later.', { headers: { 'Retry-After': { schema: { type: 'integer' } } } }),
      },
    },
  },
  '/api/v1/join/{reference}': {
    get: {
      operationId: 'getJoinRequestStatus',
      tags: ['Join'],
      summary: 'Where an application stands',
      description: 'received, queued (GitHub was failing; it will be delivered), pull_request_opened (waiting for the editors), accepted, declined. No personal data.',
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
