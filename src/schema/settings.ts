/**
 * The environment settings, declared once: the functions (join, health), the CMS build, the site
 * build and the command-line scripts read the variables they share through this schema, so a
 * repository, branch or site address is accepted or refused by the same rule everywhere and every
 * problem names its variable. netlify.toml documents each one (a test checks it).
 */
import * as z from 'zod';

const REPOSITORY = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;
/** git check-ref-format, as far as a deployer can get it wrong: no leading "-", no "..", no "//", no trailing "." or "/". */
const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]+(?<![./])$/;

export const DEFAULT_BASE_BRANCH = 'main';
export const DEFAULT_API_URL = 'https://api.github.com';
export const DEFAULT_STORE = 'join-applications';
export const DEFAULT_DECAP_SERVER_PORT = 8081;
export const FORM_SECRET_MIN = 32;
export const LOCAL_SITE_URL = 'http://localhost:8888';

const got = (input: unknown) => `got "${String(input)}"`;

/** An absolute http(s) address, given back as origin + path without a trailing slash. */
const httpAddress = (name: string) =>
  z
    .string()
    .superRefine((value, ctx) => {
      let parsed: URL;
      try {
        parsed = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} must be an absolute http(s) address such as https://directory.example.org, got "${value}"` });
        return;
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        ctx.addIssue({ code: 'custom', message: `${name} must start with https:// or http://, got "${value}"` });
    })
    .transform((value) => {
      const parsed = new URL(value);
      return parsed.origin + parsed.pathname.replace(/\/+$/, '');
    });

export const settingsSchema = z.object({
  GITHUB_REPOSITORY: z
    .string()
    .regex(REPOSITORY, { error: (iss) => `GITHUB_REPOSITORY must be "owner/name", ${got(iss.input)}` })
    .optional(),
  GITHUB_BASE_BRANCH: z
    .string()
    .regex(BRANCH, { error: (iss) => `GITHUB_BASE_BRANCH is not a branch name: "${String(iss.input)}"` })
    .default(DEFAULT_BASE_BRANCH),
  GITHUB_API_URL: httpAddress('GITHUB_API_URL').default(DEFAULT_API_URL),
  SITE_URL: httpAddress('SITE_URL').optional(),
  /** Set by Netlify during builds and in functions: the site's main address. */
  URL: httpAddress('URL').optional(),
  /** Set by Netlify for the linked repository; the CMS falls back to it. */
  REPOSITORY_URL: z.string().optional(),
  JOIN_STORE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: (iss) => `JOIN_STORE must be letters, digits, "-" or "_", ${got(iss.input)}` })
    .default(DEFAULT_STORE),
  JOIN_FORM_SECRET: z
    .string()
    .min(FORM_SECRET_MIN, { error: `JOIN_FORM_SECRET must be at least ${FORM_SECRET_MIN} characters (e.g. \`openssl rand -base64 48\`)` })
    .optional(),
  DECAP_SERVER_PORT: z
    .string()
    .refine((v) => /^\d{2,5}$/.test(v) && Number(v) <= 65535, { error: (iss) => `DECAP_SERVER_PORT must be a port number, ${got(iss.input)}` })
    .transform(Number)
    .default(DEFAULT_DECAP_SERVER_PORT),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingName = keyof typeof settingsSchema.shape;
export const SETTING_NAMES = Object.keys(settingsSchema.shape) as SettingName[];

type Env = Record<string, string | undefined>;

/**
 * The settings from an environment: blank values count as unset; every malformed one is named in
 * `problems` (and left unset in `settings`), so a caller reports them all at once.
 */
export function readSettings(env: Env): { settings: Settings; problems: string[] } {
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const name of SETTING_NAMES) {
    const schema = settingsSchema.shape[name] as z.ZodType;
    const given = env[name]?.trim() || undefined;
    const parsed = schema.safeParse(given);
    if (parsed.success) settings[name] = parsed.data;
    else {
      problems.push(...parsed.error.issues.map((issue) => issue.message));
      settings[name] = schema.safeParse(undefined).data;
    }
  }
  return { settings: settings as Settings, problems };
}

/** `https://github.com/owner/name(.git)` or `git@github.com:owner/name(.git)` → `owner/name`. */
export function repositoryFromUrl(url: string | undefined): string | undefined {
  const match = url ? /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url) : null;
  return match?.[1];
}

/** `owner/name` → its parts (the schema has checked the shape). */
export function splitRepository(repository: string): { owner: string; repo: string } {
  const [, owner, repo] = REPOSITORY.exec(repository) as unknown as [string, string, string];
  return { owner, repo };
}

/** The public address: SITE_URL, else Netlify's URL, else the local development address. */
export function siteAddress(settings: Settings): { url: string; source: 'SITE_URL' | 'URL' | 'default' } {
  if (settings.SITE_URL) return { url: settings.SITE_URL, source: 'SITE_URL' };
  if (settings.URL) return { url: settings.URL, source: 'URL' };
  return { url: LOCAL_SITE_URL, source: 'default' };
}
