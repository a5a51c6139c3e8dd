/**
 * The editors' Applications page's share of the catalogues (admin/applications.ts): the `desk.*`
 * texts without their prefix, and the editors' field labels (`cms.field.<name>.label`, to name a
 * changed field the way the CMS does), in every language. src/cms/build-admin.ts injects this into
 * the page's bundle (esbuild `define`), as the site does for the widget (widget-messages.ts): the
 * page speaks every language and the rest of the catalogues never ship with it.
 */
import { LOCALES, messages, type Locale } from './index.ts';
import type { Catalogue, MessageId } from './types.ts';

export type DeskKey = { [K in MessageId]: K extends `desk.${infer D}` ? D : never }[MessageId];
export type DeskTexts = { [K in DeskKey]: Catalogue[`desk.${K}`] };

export interface DeskCatalogue {
  texts: DeskTexts;
  /** Field name (`website`, `summary`…) → its label in the CMS. */
  fields: Record<string, string>;
}

export interface DeskMessages {
  /** The languages, the default first (what the language picker falls back to). */
  locales: readonly Locale[];
  catalogues: Record<Locale, DeskCatalogue>;
}

const FIELD_LABEL = /^cms\.field\.([a-z_]+)\.label$/;

export function deskMessages(): DeskMessages {
  const catalogues = Object.fromEntries(
    LOCALES.map((locale) => {
      const all = Object.entries(messages(locale));
      const texts = Object.fromEntries(all.filter(([id]) => id.startsWith('desk.')).map(([id, text]) => [id.slice('desk.'.length), text]));
      const fields = Object.fromEntries(
        all.flatMap(([id, text]) => (typeof text === 'string' && FIELD_LABEL.test(id) ? [[FIELD_LABEL.exec(id)![1]!, text]] : [])),
      );
      return [locale, { texts, fields }];
    }),
  ) as Record<Locale, DeskCatalogue>;
  return { locales: LOCALES, catalogues };
}
