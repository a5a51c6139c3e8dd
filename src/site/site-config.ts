/**
 * The one setting the public pages need, the site's address, read once by the build
 * (scripts/build-site.ts) through the settings schema, so a wrong value fails the build with the
 * setting's name.
 */
import { LOCAL_SITE_URL, readSettings, siteAddress } from '../schema/settings.ts';

export { LOCAL_SITE_URL };

/**
 * The public address pages use in canonical links and JSON-LD: `SITE_URL`, else Netlify's `URL`
 * (set during Netlify builds), else the local development address.
 */
export function siteBaseUrl(env: Record<string, string | undefined>): ReturnType<typeof siteAddress> {
  const { settings, problems } = readSettings({ SITE_URL: env.SITE_URL, URL: env.URL });
  if (problems.length > 0) throw new Error(problems[0]);
  return siteAddress(settings);
}
