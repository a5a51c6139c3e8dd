/**
 * The OpenAPI document as a contract the tests hold every answer to: given a request and the
 * response a handler gave, finds the documented operation and status, checks the media type and
 * the headers marked required, and validates the body (each line, for NDJSON) against the
 * documented schema with Ajv's JSON Schema 2020-12 validator in strict mode.
 *
 * Used by the shared helpers that call handlers (`call` in fixture-directory.ts, the join
 * harness) and by the export and Murmurations tests, so any answer a test produces that the
 * document does not describe fails that test.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildOpenApi } from '../../src/api/openapi.ts';

type Json = Record<string, any>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const SCHEMA_ID = 'https://contract.test/components';

/**
 * Strict 2020-12 Ajv with the formats OpenAPI's schemas use (uri, email, date). `strictRequired`
 * is Ajv's own authoring lint, not JSON Schema: it refuses the standard "one of these fields"
 * idiom `anyOf: [{ required: ["url"] }, { required: ["title"] }]` that a source uses.
 * https://ajv.js.org/strict-mode.html#defined-required-properties
 */
export function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** Component schemas as one 2020-12 schema, `#/components/schemas/X` refs pointing into its `$defs`. */
export function componentsAsSchema(doc: Json): Json {
  const text = JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/');
  return { $id: SCHEMA_ID, $defs: JSON.parse(text) };
}

export interface Contract {
  doc: Json;
  /** Throws, naming the operation and what differs, unless the answer is as documented. */
  check(request: Request, response: Response): Promise<void>;
}

export function createContract(doc: Json = buildOpenApi('https://directory.test')): Contract {
  const ajv = strictAjv();
  ajv.addSchema(componentsAsSchema(doc));
  const compiled = new Map<string, ValidateFunction>();
  const validator = (schema: Json): ValidateFunction => {
    const key = JSON.stringify(schema);
    let v = compiled.get(key);
    if (!v) compiled.set(key, (v = ajv.compile(JSON.parse(key.replaceAll('"#/components/schemas/', `"${SCHEMA_ID}#/$defs/`)))));
    return v;
  };
  const resolve = (node: Json): Json => {
    if (typeof node?.$ref !== 'string' || !node.$ref.startsWith('#/components/')) return node;
    const [, , kind, name] = node.$ref.split('/');
    return doc.components[kind!][name!];
  };
  const templates = Object.keys(doc.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  }));

  return {
    doc,
    async check(request, response) {
      const path = new URL(request.url).pathname;
      // Fixed paths win over templated ones (/api/v1/groups.csv before /api/v1/groups/{slug}).
      const match = templates.filter((t) => t.pattern.test(path)).sort((a, b) => a.template.split('{').length - b.template.split('{').length)[0];
      const what = `${request.method} ${path} → ${response.status}`;
      if (!match) throw new Error(`${what}: no documented path`);
      const method = request.method === 'HEAD' ? 'get' : request.method.toLowerCase();
      if (method === 'options') return; // preflights are CORS, not part of the document
      const operation = doc.paths[match.template][method];
      if (!operation) {
        if (response.status === 405) return; // a method the path does not have: the 405 is the point
        throw new Error(`${what}: method not documented`);
      }
      const documented = operation.responses[String(response.status)] ?? operation.responses.default;
      if (!documented) throw new Error(`${what}: status not documented for ${operation.operationId}`);
      const answer = resolve(documented);
      for (const [name, h] of Object.entries<Json>(answer.headers ?? {})) {
        if (resolve(h).required && !response.headers.has(name)) throw new Error(`${what}: header ${name} missing`);
      }
      if (!answer.content) return;
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const media = answer.content[type];
      if (!media) throw new Error(`${what}: content type ${type} not documented (${Object.keys(answer.content).join(', ')})`);
      if (!media.schema || request.method === 'HEAD') return;
      const text = await response.clone().text();
      const bodies =
        type === 'application/x-ndjson'
          ? text
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l))
          : type.endsWith('json')
            ? [JSON.parse(text)]
            : [text];
      const validate = validator(media.schema);
      for (const [i, body] of bodies.entries()) {
        if (!validate(body))
          throw new Error(
            `${what}: ${bodies.length > 1 ? `line ${i + 1}: ` : ''}body does not match ${operation.operationId}: ${ajv.errorsText(validate.errors)}`,
          );
      }
    },
  };
}

let shared: Contract | undefined;
/** One contract per test file (the document is the same for all). */
export function contract(): Contract {
  shared ??= createContract();
  return shared;
}

/** Calls a handler and checks its answer against the contract; returns the response untouched. */
export async function checkedCall(handler: (r: Request) => Promise<Response>, request: Request): Promise<Response> {
  // The check reads only the method and address of the request, never its body.
  const response = await handler(request);
  await contract().check(request, response);
  return response;
}
