/**
 * What the self-hosted runtime reads from netlify.toml, read generically so that a rule someone
 * adds there (a security header, a redirect) applies here without a code change:
 *
 *   [build] publish            the static files
 *   [functions] directory      the function modules
 *   [[headers]] for / values   headers for static answers
 *   [[redirects]]              redirects, rewrites, custom 404s and proxies
 *
 * Normalised as Netlify's own parsers do (@netlify/headers-parser, @netlify/redirect-parser):
 * header values given as a list are joined with ", ", a multi-line value's commas are tidied, a
 * status may be written "301!" (force), `to` may be left out of a "/path/*" rewrite.
 * https://docs.netlify.com/manage/routing/headers/ · https://docs.netlify.com/manage/routing/redirects/overview/
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'smol-toml';

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

export interface RedirectRule {
  from: string;
  to: string;
  /** 301 when not given, as on Netlify. */
  status: number;
  force: boolean;
  /** Query parameters the request must carry (`:name` binds the value for `to`). */
  query: Record<string, string>;
  /** Headers sent with a proxied request. */
  headers: Record<string, string>;
  /** Country, Language, Role, Cookie: the runtime cannot decide these; such rules are skipped. */
  conditions: Record<string, unknown>;
}

export interface SiteSettings {
  root: string;
  publishDir: string;
  functionsDir: string;
  headers: HeaderRule[];
  redirects: RedirectRule[];
  /** What was written in netlify.toml that this runtime cannot honour, said once at start. */
  warnings: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function headerValue(name: string, raw: unknown): string {
  if (typeof raw === 'string')
    return raw
      .trim()
      .split(/\s*,\s*/)
      .join(', ');
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return raw.map((v: string) => v.trim()).join(', ');
  throw new Error(`header "${name}" must be a string or a list of strings`);
}

function readHeaders(raw: unknown): HeaderRule[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new Error('[[headers]] must be a list of tables');
  return raw.flatMap((rule, i) => {
    if (!isObject(rule) || typeof rule.for !== 'string') throw new Error(`[[headers]] number ${i + 1} needs a "for" path`);
    if (rule.values === undefined) return [];
    if (!isObject(rule.values)) throw new Error(`[[headers]] number ${i + 1}: "values" must be a table`);
    const values = Object.fromEntries(Object.entries(rule.values).map(([k, v]) => [k.trim(), headerValue(k, v)]));
    return Object.keys(values).length ? [{ for: rule.for.trim(), values }] : [];
  });
}

function readRedirects(raw: unknown): RedirectRule[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new Error('[[redirects]] must be a list of tables');
  return raw.map((rule, i) => {
    const where = `[[redirects]] number ${i + 1}`;
    if (!isObject(rule) || typeof rule.from !== 'string') throw new Error(`${where} needs a "from" path`);
    const statusText = rule.status === undefined ? undefined : String(rule.status);
    const status = statusText === undefined ? 301 : Number.parseInt(statusText, 10);
    if (!Number.isInteger(status)) throw new Error(`${where}: invalid status ${statusText}`);
    let to = rule.to;
    // A forward rule: "/a/*" with a 2xx status and no "to" keeps the path (redirect-parser's addForwardRule).
    if (to === undefined && /\/\*$/.test(rule.from) && status >= 200 && status < 300) to = rule.from.replace(/\/\*$/, '/:splat');
    if (typeof to !== 'string') throw new Error(`${where} needs a "to" path`);
    const strings = (value: unknown, field: string): Record<string, string> => {
      if (value === undefined) return {};
      if (!isObject(value)) throw new Error(`${where}: "${field}" must be a table`);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
    };
    return {
      from: rule.from,
      to,
      status,
      force: rule.force === true || (statusText?.endsWith('!') ?? false),
      query: strings(rule.query, 'query'),
      headers: strings(rule.headers, 'headers'),
      conditions: isObject(rule.conditions) ? rule.conditions : {},
    };
  });
}

export function readSiteSettings(root: string): SiteSettings {
  const file = join(root, 'netlify.toml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const build = isObject(config.build) ? config.build : {};
  const functions = isObject(config.functions) ? config.functions : {};
  const publish = typeof build.publish === 'string' ? build.publish : 'dist';
  const functionsDir =
    typeof functions.directory === 'string' ? functions.directory : typeof build.functions === 'string' ? build.functions : 'netlify/functions';
  let headers: HeaderRule[];
  let redirects: RedirectRule[];
  try {
    headers = readHeaders(config.headers);
    redirects = readRedirects(config.redirects);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const warnings: string[] = [];
  for (const rule of redirects) {
    if (Object.keys(rule.conditions).length)
      warnings.push(`redirect ${rule.from} → ${rule.to} has conditions (${Object.keys(rule.conditions).join(', ')}) this server cannot check: it is skipped`);
  }
  return {
    root,
    publishDir: resolve(root, publish),
    functionsDir: resolve(root, functionsDir),
    headers,
    redirects: redirects.filter((r) => Object.keys(r.conditions).length === 0),
    warnings,
  };
}
