/**
 * Human labels of the schema's enumerations (scope, relation, structure), from the catalogues.
 * A value added to the schema without a label in the catalogue fails the typecheck (below).
 * Country and language names are not here: they come from `Intl.DisplayNames` (schema/codes.ts).
 */
import { GEOGRAPHIC_SCOPES, NETWORK_RELATIONS, STRUCTURES, type GeographicScope, type NetworkRelation, type Structure } from '../schema/entry-values.ts';
import { LOCALES, t, type Locale, type MessageId } from './index.ts';

export interface EnumValues {
  scope: GeographicScope;
  relation: NetworkRelation;
  structure: Structure;
}
export type EnumKind = keyof EnumValues;

type EnumIds = { [K in EnumKind]: `enum.${K}.${EnumValues[K]}` }[EnumKind];
/** Fails to compile when an enumeration value has no `enum.*` id in the English catalogue. */
const everyValueHasALabel: EnumIds extends MessageId ? true : never = true;
void everyValueHasALabel;

export const ENUM_VALUES: { [K in EnumKind]: readonly EnumValues[K][] } = { scope: GEOGRAPHIC_SCOPES, relation: NETWORK_RELATIONS, structure: STRUCTURES };

export function enumLabel<K extends EnumKind>(locale: Locale, kind: K, value: EnumValues[K]): string {
  return t(locale, `enum.${kind}.${value}` as EnumIds);
}

/** Every value's label in every language: what the Connexions import matches listing words against. */
export function enumLabelsInEveryLanguage<K extends EnumKind>(kind: K): Record<EnumValues[K], Record<Locale, string>> {
  return Object.fromEntries(ENUM_VALUES[kind].map((value) => [value, Object.fromEntries(LOCALES.map((l) => [l, enumLabel(l, kind, value)]))])) as Record<
    EnumValues[K],
    Record<Locale, string>
  >;
}
