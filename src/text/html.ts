/**
 * A tiny tagged template for HTML: every interpolated value is escaped unless it is already
 * `Html` (the result of another html`` or of `raw()`). Arrays are joined, `null`, `undefined` and
 * `false` render nothing, so `${cond && html`…`}` reads naturally.
 *
 *   html`<a href="${url}">${name}</a>`   // url and name are escaped
 *   raw(trustedBuildOutput)               // only for HTML this project produced itself
 */
import { escapeHtml } from './escape-html.ts';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

/** The one HTML escaper (shared with the Markdown renderer and the join pages). */
export const escapeText = escapeHtml;

function render(value: Interpolation): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeText(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/**
 * Marks a string as HTML. Only for markup the build produced and sanitised itself (the purpose
 * texts rendered by src/content/render-markdown.ts, JSON-LD serialised by `jsonForScript`).
 */
export function raw(trusted: string): Html {
  return new Html(trusted);
}

/** JSON inside `<script type="application/ld+json">`: no sequence in it can close the element. */
export function jsonForScript(value: unknown): Html {
  return raw(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
