/**
 * The widget's share of the catalogues: only the `widget.*` texts, in every language, without
 * their prefix. scripts/build-site.ts injects this into the bundle (esbuild `define`), so the widget
 * speaks every language and still weighs a few kilobytes: the rest of the catalogues never ship.
 */
import { LOCALES, messages, type Locale } from './index.ts';
import type { Catalogue, MessageId } from './types.ts';

export type WidgetKey = { [K in MessageId]: K extends `widget.${infer W}` ? W : never }[MessageId];
export type WidgetCatalogue = { [K in WidgetKey]: Catalogue[`widget.${K}`] };

export function widgetMessages(): Record<Locale, WidgetCatalogue> {
  return Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      Object.fromEntries(
        Object.entries(messages(locale))
          .filter(([id]) => id.startsWith('widget.'))
          .map(([id, text]) => [id.slice('widget.'.length), text]),
      ),
    ]),
  ) as Record<Locale, WidgetCatalogue>;
}
