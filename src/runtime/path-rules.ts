/**
 * Matching netlify.toml's path rules as Netlify does.
 *
 * Headers (`for`): the same expression @netlify/headers-parser builds (`getForRegExp`): `:name`
 * is one segment, a lone `*` is the rest of the path (possibly nothing), `*` inside a segment is
 * anything, an optional trailing slash, case-insensitive; every matching rule applies, later ones
 * overriding earlier ones for the same header.
 *
 * Redirects (`from`): `:name` binds one segment, a final `*` binds the rest as `:splat`; `to`
 * gets both substituted; `query` must be present in the request (a `:name` value binds it);
 * the request's query string is passed on when `to` has none. First matching rule wins.
 * https://docs.netlify.com/manage/routing/redirects/redirect-options/
 */
import type { HeaderRule, RedirectRule } from './netlify-toml.ts';

const escapeRegExp = (text: string) => text.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&');

function headerPart(part: string): string {
  if (part.startsWith(':')) return '([^/]+)';
  if (part === '*') return '?(.*)';
  if (part.includes('*')) return part.split('*').map(escapeRegExp).join('(.*)');
  return escapeRegExp(part);
}

export function headerRuleRegExp(forPath: string): RegExp {
  const pattern = forPath
    .split('/')
    .map((p) => p.trimEnd())
    .filter(Boolean)
    .map(headerPart)
    .join('/');
  return new RegExp(`^/${pattern}/?$`, 'iu');
}

export function createHeaderMatcher(rules: readonly HeaderRule[]) {
  const compiled = rules.map((rule) => ({ re: headerRuleRegExp(rule.for), values: rule.values }));
  return (pathname: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const { re, values } of compiled) if (re.test(pathname)) Object.assign(out, values);
    return out;
  };
}

export interface RedirectMatch {
  rule: RedirectRule;
  /** The target: a path (with query) on this site, or an absolute http(s) URL for a proxy. */
  target: string;
  external: boolean;
}

interface CompiledRedirect {
  rule: RedirectRule;
  re: RegExp;
  names: string[];
}

function compileFrom(rule: RedirectRule): CompiledRedirect {
  const names: string[] = [];
  const path = rule.from.replace(/^https?:\/\/[^/]+/, '');
  const parts = path.split('/').filter(Boolean);
  let source = '';
  parts.forEach((part, i) => {
    if (part === '*' && i === parts.length - 1) {
      names.push('splat');
      source += '(?:/(.*))?';
    } else if (part.startsWith(':')) {
      names.push(part.slice(1));
      source += '/([^/]+)';
    } else {
      source += `/${escapeRegExp(part)}`;
    }
  });
  return { rule, re: new RegExp(`^${source || ''}/?$`, 'i'), names };
}

export function createRedirectMatcher(rules: readonly RedirectRule[]) {
  const compiled = rules.map(compileFrom);
  return (pathname: string, search: URLSearchParams): RedirectMatch | undefined => {
    for (const { rule, re, names } of compiled) {
      const m = re.exec(pathname);
      if (!m) continue;
      const bound: Record<string, string> = {};
      names.forEach((name, i) => {
        bound[name] = m[i + 1] ?? '';
      });
      let queryMatches = true;
      for (const [param, value] of Object.entries(rule.query)) {
        const actual = search.get(param);
        if (actual === null) queryMatches = false;
        else if (value.startsWith(':')) bound[value.slice(1)] = actual;
        else if (actual !== value) queryMatches = false;
      }
      if (!queryMatches) continue;
      let target = rule.to.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => (name in bound ? bound[name]! : whole));
      const external = /^https?:\/\//i.test(target);
      if (!target.includes('?') && search.size > 0 && Object.keys(rule.query).length === 0) target += `?${search.toString()}`;
      return { rule, target, external };
    }
    return undefined;
  };
}
