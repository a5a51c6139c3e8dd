/**
 * The shape every catalogue has, derived from the English one (catalogue/en.ts): the same ids,
 * a string where English has a string, plural forms where English has plural forms. A catalogue
 * typed `Catalogue` with a missing or an extra id fails the typecheck.
 */
import type en from './catalogue/en.ts';

type English = typeof en;

/** Forms chosen by `Intl.PluralRules#select`; `other` is the one every language has. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type Catalogue = { readonly [K in keyof English]: English[K] extends string ? string : PluralForms };

export type MessageId = keyof English;

/** The `{name}`s in a message. */
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type PlaceholdersOf<V> = V extends string ? Placeholders<V> : V extends { other: infer O } ? Placeholders<O> | 'count' : never;

/** What `t(locale, id, params)` needs for an id: one value per placeholder of its English text. */
export type ParamsOf<K extends MessageId> = { [P in PlaceholdersOf<English[K]>]: string | number };

/** Ids whose English text has no placeholder (callable without params). */
export type PlainId = { [K in MessageId]: PlaceholdersOf<English[K]> extends never ? K : never }[MessageId];
