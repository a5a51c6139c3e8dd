/**
 * The join request: what an applicant may send to `POST /api/v1/join`, derived from the entry's
 * own field definitions (so the form, the API and the file editors review enforce the same rules),
 * plus the private contact fields, the consent, and the few transport fields of the form.
 *
 * The public part is an explicit *pick* from `entryFields`: the fields a group can state about
 * itself. The editorial fields stay out of applicants' hands: `slug` (derived on the server, it
 * names a file), `network_relation` and `relation_note` (only what a source states), `sources`,
 * `created` and `updated` (the pipeline writes them).
 */
import * as z from 'zod';
import { entryFields } from './entry.ts';
import { CONTENT_LOCALES, type ContentLocale } from './locales.ts';

/** The languages an applicant may ask the answer's messages in (the pages' languages come from src/i18n). */
export const JOIN_LOCALES = CONTENT_LOCALES;
export type JoinLocale = ContentLocale;

export const CONTACT_NAME_MAX = 200;
export const CONTACT_ROLE_MAX = 200;
export const CONTACT_MESSAGE_MAX = 5_000;
export const FORM_TOKEN_MAX = 300;

/** The public fields of an application: they become the entry file editors review. */
export const joinGroupSchema = z.strictObject(entryFields).pick({
  name: true,
  short_name: true,
  alternate_names: true,
  summary: true,
  purpose: true,
  geographic_scope: true,
  countries: true,
  city: true,
  subjects: true,
  sectors: true,
  languages: true,
  structure: true,
  website: true,
  email: true,
  social: true,
  founded: true,
});

/** Who to talk to about the application. Personal data: encrypted for the editors, never in Git. */
export const joinContactSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(CONTACT_NAME_MAX, `must be at most ${CONTACT_NAME_MAX} characters`)
      .meta({ title: 'Your name', description: 'The person the editors may contact about this application.' }),
    email: z
      .email({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be an email address') })
      .max(254, 'must be at most 254 characters')
      .meta({ title: 'Your email', description: 'Only the editors can read it; it is never published.' }),
    role: z
      .string()
      .trim()
      .min(1)
      .max(CONTACT_ROLE_MAX, `must be at most ${CONTACT_ROLE_MAX} characters`)
      .optional()
      .meta({ title: 'Your role in the group', description: 'E.g. “international secretary”.' }),
    message: z
      .string()
      .trim()
      .min(1)
      .max(CONTACT_MESSAGE_MAX, `must be at most ${CONTACT_MESSAGE_MAX} characters`)
      .optional()
      .meta({ title: 'A message to the editors', description: 'Only the editors read it.' }),
  })
  .meta({ title: 'Contact (private)', description: 'Encrypted for the network’s editors; never published, never in the repository.' });

/** Fields a multi-line text may hold line breaks in; every other text is one line. */
export const MULTILINE_FIELDS = ['purpose', 'contact.message'] as const;

export const joinRequestSchema = joinGroupSchema
  .extend({
    contact: joinContactSchema,
    consent: z.literal(true, { error: 'tick the box to agree, or we cannot keep your contact details' }).meta({
      title: 'Consent',
      description: 'The applicant agrees that the editors keep the contact details to process the application.',
    }),
    form_token: z
      .string('is required: load the form again')
      .min(1, 'is required: load the form again')
      .max(FORM_TOKEN_MAX)
      .meta({ title: 'Form token', description: 'The signed token the join form at /join carries; it expires.' }),
    lang: z.enum(JOIN_LOCALES).optional().meta({ description: 'The language of the answer’s messages and pages.' }),
    confirm_distinct: z.boolean().optional().meta({
      description:
        'Set after a 409 answer, when the group is not the one it was matched with: the application is then delivered, flagged as a possible duplicate.',
    }),
  })
  .meta({ title: 'Join request' });

export type JoinGroup = z.output<typeof joinGroupSchema>;
export type JoinContact = z.output<typeof joinContactSchema>;
export type JoinRequest = z.output<typeof joinRequestSchema>;

/** Where an application stands, as the applicant and the status endpoint see it. */
export const JOIN_STATES = ['received', 'queued', 'pull_request_opened', 'accepted', 'declined'] as const;
export type JoinState = (typeof JOIN_STATES)[number];

/** `7KQ2-M9X4-T1B8-C3D5`: Crockford base 32, no I, L, O or U. */
export const REFERENCE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
export const referenceSchema = z.string().regex(REFERENCE_PATTERN).meta({ description: 'The application’s reference, e.g. 7KQ2-M9X4-T1B8-C3D5.' });

const pullRequestSchema = z
  .object({ number: z.int().min(1), url: z.url() })
  .nullable()
  .meta({ description: 'The pull request editors review, once opened (the content repository is public).' });

/** What the status endpoint answers: the state and dates, never a personal detail. */
export const joinStatusSchema = z.strictObject({
  reference: referenceSchema,
  state: z.enum(JOIN_STATES),
  received_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  pull_request: pullRequestSchema,
});

/** The answer to a submission (201, 202, or 200 for a repeated one). */
export const joinReceiptSchema = joinStatusSchema.extend({
  status_url: z.url().meta({ description: 'GET it to follow the application.' }),
  repeated: z.boolean().meta({ description: 'True when this form had already been submitted: nothing new was created.' }),
});

export type JoinStatus = z.output<typeof joinStatusSchema>;
export type JoinReceipt = z.output<typeof joinReceiptSchema>;

/** Large enough for a purpose in several languages, far below Netlify's 6 MB payload limit. */
export const JOIN_BODY_LIMIT = 256 * 1024;

/** A reference from a URL or a form, tolerant of case and of Crockford's look-alike letters. */
export function readReference(text: string): string | undefined {
  const reference = text.trim().toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  return REFERENCE_PATTERN.test(reference) ? reference : undefined;
}
