/**
 * The few settings the public pages need, read once by the build (scripts/build-site.ts) and
 * checked there, so a wrong value fails the build with the setting's name.
 */

export const LOCAL_SITE_URL = 'http://localhost:8888';

/**
 * The public address pages use in canonical links and JSON-LD: `SITE_URL`, else Netlify's `URL`
 * (set during Netlify builds), else the local development address.
 */
export function siteBaseUrl(env: Record<string, string | undefined>): { url: string; source: 'SITE_URL' | 'URL' | 'default' } {
  for (const name of ['SITE_URL', 'URL'] as const) {
    const value = env[name]?.trim();
    if (!value) continue;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new Error(`${name} must be an absolute http(s) address such as https://directory.example.org, not "${value}"`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`${name} must start with https:// or http://, not "${value}"`);
    return { url: parsed.origin + parsed.pathname.replace(/\/+$/, ''), source: name };
  }
  return { url: LOCAL_SITE_URL, source: 'default' };
}
