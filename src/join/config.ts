/**
 * The join endpoint's configuration, read from the environment once at start-up and checked as a
 * whole: every missing or malformed setting is named in one error, so a deployer fixes them all
 * at once. The variables it shares with the CMS and the site build are read through the settings
 * schema (src/schema/settings.ts); netlify.toml documents each variable.
 *
 * Two modes:
 * - **GitHub** when GITHUB_REPOSITORY is set: a token *or* a GitHub App, JOIN_FORM_SECRET and
 *   JOIN_CONTACT_PUBLIC_KEY are then all required.
 * - **Local Git** (the embedded default of `npm start`) when it is not: applications become
 *   branches of the local repository (JOIN_LOCAL_REPOSITORY, default the working directory). The
 *   form secret and the editors' key have local defaults. A developer's shell often exports a
 *   GITHUB_TOKEN for other tools; that alone does not send applications to GitHub.
 *   A deployed function has no Git repository: there, a missing GITHUB_REPOSITORY fails loudly,
 *   with every other missing GitHub setting, instead of delivering nowhere.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRecipients, RecipientError } from './store/contact-encryption.ts';
import type { GitHubAuth } from './delivery/github-client.ts';
import { FORM_SECRET_MIN, readSettings, splitRepository } from '../schema/settings.ts';

/** Only ever used by the embedded default, which cannot run on Netlify (no Git repository there). */
const LOCAL_FORM_SECRET = 'local-development-only: not a secret, never used in production';

interface Common {
  formSecret: string;
  siteUrl?: string;
  storeName: string;
}

export type JoinConfig =
  | (Common & {
      mode: 'github';
      github: { owner: string; repo: string; baseBranch: string; apiUrl: string; auth: GitHubAuth };
      recipients: string[];
    })
  | (Common & {
      mode: 'local-git';
      local: { repoPath: string; baseBranch: string; identityFile: string };
      /** Undefined: encrypt to the local identity in `identityFile`, created on first use. */
      recipients?: string[];
    });

export class JoinConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The join endpoint is not configured:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee netlify.toml and docs/join.md.`);
    this.name = 'JoinConfigError';
  }
}

const GITHUB_SETTINGS = ['GITHUB_REPOSITORY', 'GITHUB_TOKEN', 'GITHUB_APP_ID', 'GITHUB_APP_PRIVATE_KEY', 'GITHUB_APP_INSTALLATION_ID'] as const;

type Env = Record<string, string | undefined>;

export function loadJoinConfig(env: Env, cwd = process.cwd()): JoinConfig {
  const { settings, problems } = readSettings(env);
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const baseBranch = settings.GITHUB_BASE_BRANCH;
  const siteUrl = settings.SITE_URL ?? settings.URL;
  const storeName = settings.JOIN_STORE;
  const secret = settings.JOIN_FORM_SECRET;
  let recipients: string[] | undefined;
  const key = get('JOIN_CONTACT_PUBLIC_KEY');
  if (key !== undefined) {
    try {
      recipients = parseRecipients(key);
    } catch (error) {
      if (!(error instanceof RecipientError)) throw error;
      problems.push(`JOIN_CONTACT_PUBLIC_KEY: ${error.message}`);
    }
  }
  const common = { formSecret: secret ?? LOCAL_FORM_SECRET, storeName, ...(siteUrl ? { siteUrl } : {}) };

  const repoPath = resolve(cwd, get('JOIN_LOCAL_REPOSITORY') ?? '.');
  const isRepository = existsSync(join(repoPath, '.git'));
  const githubIntended = get('GITHUB_REPOSITORY') !== undefined || (!isRepository && GITHUB_SETTINGS.some((name) => get(name) !== undefined));
  if (!githubIntended) {
    if (!isRepository) {
      problems.push(
        `no GitHub settings (GITHUB_REPOSITORY with GITHUB_TOKEN, or a GitHub App) are set, and ${repoPath} is not a Git repository for the local default. ` +
          'On Netlify, set the GitHub settings.',
      );
    }
    if (problems.length > 0) throw new JoinConfigError(problems);
    return {
      mode: 'local-git',
      ...common,
      local: { repoPath, baseBranch, identityFile: join(repoPath, '.netlify', 'join', 'local-editor-identity.txt') },
      ...(recipients ? { recipients } : {}),
    };
  }

  const repository = settings.GITHUB_REPOSITORY;
  if (!repository && get('GITHUB_REPOSITORY') === undefined)
    problems.push('GITHUB_REPOSITORY is missing: the "owner/name" of the repository applications open pull requests in');
  const apiUrl = settings.GITHUB_API_URL;

  let auth: GitHubAuth | undefined;
  const token = get('GITHUB_TOKEN');
  const app = {
    GITHUB_APP_ID: get('GITHUB_APP_ID'),
    GITHUB_APP_PRIVATE_KEY: get('GITHUB_APP_PRIVATE_KEY'),
    GITHUB_APP_INSTALLATION_ID: get('GITHUB_APP_INSTALLATION_ID'),
  };
  const appGiven = Object.entries(app)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (token && appGiven.length > 0) {
    problems.push(`give either GITHUB_TOKEN or the GitHub App settings, not both (found GITHUB_TOKEN and ${appGiven.join(', ')})`);
  } else if (token) {
    auth = { kind: 'token', token };
  } else if (appGiven.length === 0) {
    problems.push('GITHUB_TOKEN is missing (or, instead, GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID for a GitHub App)');
  } else {
    const missing = Object.entries(app)
      .filter(([, v]) => v === undefined)
      .map(([k]) => k);
    if (missing.length > 0) problems.push(`the GitHub App settings are incomplete: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
    const privateKey = app.GITHUB_APP_PRIVATE_KEY?.replace(/\\n/g, '\n');
    if (privateKey && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey))
      problems.push('GITHUB_APP_PRIVATE_KEY must be the PEM private key of the App (-----BEGIN … PRIVATE KEY-----)');
    if (app.GITHUB_APP_INSTALLATION_ID && !/^\d+$/.test(app.GITHUB_APP_INSTALLATION_ID)) problems.push('GITHUB_APP_INSTALLATION_ID must be a number');
    if (app.GITHUB_APP_ID && !/^(\d+|Iv[0-9a-zA-Z.]+)$/.test(app.GITHUB_APP_ID))
      problems.push('GITHUB_APP_ID must be the App ID (a number) or its client ID (Iv…)');
    if (missing.length === 0 && privateKey) {
      auth = { kind: 'app', appId: app.GITHUB_APP_ID!, privateKey, installationId: Number(app.GITHUB_APP_INSTALLATION_ID) };
    }
  }
  if (get('JOIN_FORM_SECRET') === undefined)
    problems.push(`JOIN_FORM_SECRET is missing: a random secret of ${FORM_SECRET_MIN}+ characters that signs the join form's tokens`);
  if (key === undefined) problems.push("JOIN_CONTACT_PUBLIC_KEY is missing: the editors' age public key(s) (age1…) that contact details are encrypted to");
  if (problems.length > 0 || !repository || !auth || !recipients) throw new JoinConfigError(problems);
  return {
    mode: 'github',
    ...common,
    github: { ...splitRepository(repository), baseBranch, apiUrl, auth },
    recipients,
  };
}

/** The configuration, or the message naming what is missing: for callers that answer instead of throwing. */
export function readJoinConfig(env: Env, cwd = process.cwd()): { ok: true; config: JoinConfig } | { ok: false; message: string } {
  try {
    return { ok: true, config: loadJoinConfig(env, cwd) };
  } catch (error) {
    if (!(error instanceof JoinConfigError)) throw error;
    return { ok: false, message: error.message };
  }
}
