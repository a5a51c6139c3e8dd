/**
 * Filling a message: `{name}` placeholders and plural forms. Imports nothing, so the widget bundle
 * takes it as is. Plural forms are chosen by the language's own rules (CLDR, through
 * `Intl.PluralRules`: https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Intl/PluralRules),
 * which is why French says "0 groupe" and English "0 groups".
 */
export type Params = Readonly<Record<string, string | number>>;
export type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/** A count as the language writes it (1 234 in French, 1.234 in German). */
export function formatCount(locale: string, count: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(count);
}

/** Replaces each `{name}` with its value; a placeholder without a value is left as it is. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A message that is either a string or plural forms, filled; `{count}` is formatted for the language. */
export function formatMessage(locale: string, message: string | Forms, params: Params = {}): string {
  if (typeof message === 'string') return fill(message, params);
  const count = Number(params.count ?? 0);
  const form = message[rulesFor(locale).select(count)] ?? message.other;
  return fill(form, { ...params, count: formatCount(locale, count) });
}
