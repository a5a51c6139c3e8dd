/**
 * The GitHub client the join pipeline is given: Octokit with @octokit/plugin-retry (transient
 * 5xx and network errors) and @octokit/plugin-throttling (rate limits, with GitHub's advice to
 * space content-creating requests), authenticated by a token or as a GitHub App installation.
 *
 * Every call the pipeline makes carries a deadline (`request: { signal, deadline }`): the signal
 * aborts a request that would run past the function's time budget, and the rate-limit handlers
 * below only agree to wait for a limit to lift when the wait ends before that deadline. Anything
 * slower fails fast and the application goes to the durable queue instead.
 *
 * https://github.com/octokit/plugin-retry.js, https://github.com/octokit/plugin-throttling.js,
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
import type { Log } from '../log.ts';
import type { Deadline } from './deadline.ts';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { createAppAuth } from '@octokit/auth-app';
import Bottleneck from 'bottleneck/light.js';

export type GitHubAuth = { kind: 'token'; token: string } | { kind: 'app'; appId: string; privateKey: string; installationId: number };

export interface GitHubClientOptions {
  apiUrl: string;
  auth: GitHubAuth;
  log: Log;
  /** Pause between two writes; GitHub asks for one second (the throttling plugin's default). */
  writeSpacingMs?: number;
  /** Pause between two writes that notify people (a pull request); the plugin's default is 3 s. */
  notificationSpacingMs?: number;
  /** plugin-retry waits base × (n + 1)² before retry n: 0.5 s, then 2 s. */
  retryBaseMs?: number;
  retries?: number;
}

/** The `request` option every pipeline call passes, so the plugins see its deadline. */
export const within = (deadline: Deadline) => ({ request: { signal: deadline.signal, deadline: deadline.at } });

const JoinOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof JoinOctokit>;

/** Waiting out a rate limit is worth it once, and only if the wait ends well within the budget. */
function waitsWithinBudget(kind: string, log: Log) {
  return (retryAfter: number, options: { method?: string; url?: string; request?: { [option: string]: unknown } }, _octokit: unknown, retryCount: number) => {
    const given = options.request?.deadline;
    const deadline = typeof given === 'number' ? given : Date.now() + 60_000;
    const wait = retryAfter * 1000 <= deadline - Date.now() - 1_000 && retryCount < 1;
    log.warn(
      `[join] GitHub ${kind} rate limit on ${options.method} ${(options.url ?? '').replace(/\?.*$/, '')}: retry after ${retryAfter}s, ${wait ? 'waiting' : 'giving up for now'}`,
    );
    return wait;
  };
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { log } = options;
  const auth =
    options.auth.kind === 'token'
      ? { auth: options.auth.token }
      : {
          authStrategy: createAppAuth,
          auth: { appId: options.auth.appId, privateKey: options.auth.privateKey, installationId: options.auth.installationId },
        };
  return new JoinOctokit({
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: 'solidarity-directory-join',
    ...auth,
    // Octokit's own log lines name method, URL and status only; debug and info are dropped.
    log: { debug: () => undefined, info: () => undefined, warn: (m: string) => log.warn(`[github] ${m}`), error: (m: string) => log.error(`[github] ${m}`) },
    // 429 joins the plugin's don't-retry list: rate limits are the throttling plugin's to judge,
    // with Retry-After, not plugin-retry's fixed back-off.
    retry: { retries: options.retries ?? 2, retryAfterBaseValue: options.retryBaseMs ?? 500, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      id: 'solidarity-directory-join',
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeSpacingMs ?? 1_000 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.notificationSpacingMs ?? 3_000 }),
      onRateLimit: waitsWithinBudget('primary', log),
      onSecondaryRateLimit: waitsWithinBudget('secondary', log),
    },
  });
}
