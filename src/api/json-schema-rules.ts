/**
 * The rules of an entry that zod checks in code (`refine`) rather than in a JSON Schema keyword,
 * given to `z.toJSONSchema` as its `override` so that every generated schema (the OpenAPI
 * components, its parameters, /api/v1/schemas/entry.json) says them: country and language codes
 * as the enums the platform's CLDR data gives (src/schema/codes.ts). Computed only when a
 * document is generated, never when a function starts.
 * https://zod.dev/json-schema#override
 */
import { allCountryCodes, allLanguageCodes } from '../schema/codes.ts';
import { countryCodeSchema, languageCodeSchema } from '../schema/entry.ts';

export function exactRules(ctx: { zodSchema: unknown; jsonSchema: { enum?: unknown[] } }): void {
  const schema = ctx.zodSchema;
  if (schema === countryCodeSchema) ctx.jsonSchema.enum = allCountryCodes();
  else if (schema === languageCodeSchema) ctx.jsonSchema.enum = allLanguageCodes();
}
