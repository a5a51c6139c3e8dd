/**
 * The correction request: what anyone may send to `POST /api/v1/groups/{slug}/corrections` to say
 * an entry is wrong. The same public fields as a join request (an explicit pick from the entry's
 * fields, see join.ts), each optional: a field given is the value proposed, a field absent is left
 * as it is. The editorial fields (`slug`, `network_relation`, `relation_note`, `sources`, dates)
 * are not among them: someone who says the group's relation to the network changed writes it in
 * `relation_claim`, with a `source_url`, and editors decide.
 *
 * The private part (contact, consent) and the transport fields (form token, language) are the
 * join request's own definitions, so both intakes ask the same of people and of robots.
 */
import * as z from 'zod';
import { entryFields, httpUrlSchema, text } from './entry.ts';
import { joinGroupSchema, joinRequestSchema } from './join.ts';

/** The fields a correction may change: the join's public fields. */
export const CORRECTABLE_FIELDS = Object.keys(joinGroupSchema.shape) as (keyof typeof joinGroupSchema.shape)[];
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** The entry's fields that only editors set; a correction naming one is told so. */
export const EDITORIAL_FIELDS = (Object.keys(entryFields) as (keyof typeof entryFields)[]).filter((f) => !(CORRECTABLE_FIELDS as string[]).includes(f));

export const RELATION_CLAIM_MAX = 500;

export const correctionRequestSchema = joinGroupSchema
  .partial()
  .extend({
    source_url: httpUrlSchema
      .optional()
      .meta({ title: 'Source', description: 'A page that shows the corrected facts (the group’s own site, an announcement).' }),
    speaks_for_group: z
      .boolean({ error: 'say whether you speak for the group' })
      .meta({ title: 'Speaks for the group', description: 'True when the person is a member or officer of the group, writing on its behalf.' }),
    relation_claim: text(RELATION_CLAIM_MAX).optional().meta({
      title: 'About the relation to the network',
      description:
        'A change of the group’s relation to the network (joined, left…), in words, for the editors to check against a source; it never changes the entry by itself.',
    }),
    contact: joinRequestSchema.shape.contact,
    consent: joinRequestSchema.shape.consent,
    form_token: joinRequestSchema.shape.form_token,
    lang: joinRequestSchema.shape.lang,
  })
  .meta({
    title: 'Correction request',
    description:
      'The values to change, each as it should be: absent fields stay as they are; `null` (or an empty form field) removes an optional value; `summary` and `purpose` change per language.',
  });

export type CorrectionRequest = z.output<typeof correctionRequestSchema>;
