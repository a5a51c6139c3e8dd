/**
 * Binds the join pipeline to its collaborators, once per process: configuration, content index,
 * page renderer, GitHub client or local repository. The thin functions in netlify/functions/ and
 * the operator scripts call this and nothing else.
 *
 * The Blobs store is opened per request (`openStore`), because Netlify provides its context with
 * each invocation. With an invalid configuration every handler answers 503 and the error, naming
 * each missing setting, is logged once at start-up.
 */
import type { Artefact } from '../engine/artefact.ts';
import { errorResponse, requestLocale } from '../http/respond.ts';
import { t } from '../i18n/index.ts';
import { withSecurityHeaders } from '../http/security-headers.ts';
import type { ApplicationRecord, BlobStore, Clock } from './store/application-store.ts';
import { createApplicationStore } from './store/application-store.ts';
import { readJoinConfig, type JoinConfig } from './config.ts';
import { ensureLocalIdentity } from './store/contact-encryption.ts';
import { joinIndexFromArtefact } from './intake/content-index.ts';
import { createDelivery } from './delivery/deliver.ts';
import { storedHolder } from './intake/find-duplicates.ts';
import { createGitHubClient, type GitHubClient } from './delivery/github-client.ts';
import type { Log } from './log.ts';
import { createJoinEndpoint } from './endpoints/join-endpoint.ts';
import { createLocalGitTarget } from './delivery/local-git-delivery.ts';
import { createGitHubTarget } from './delivery/open-pull-request.ts';
import { createJoinPageEndpoint } from './endpoints/page-endpoint.ts';
import { createQueue } from './store/queue.ts';
import { createJoinPageRenderer } from './pages/render-join-page.ts';
import type { ReviewTarget } from './delivery/review-target.ts';
import { createStatusEndpoint } from './endpoints/status-endpoint.ts';
import { createApplicationsEndpoint } from './endpoints/applications-endpoint.ts';
import { githubEditorAccess, localEditorAccess, type EditorAccess } from './endpoints/editor-access.ts';
import { createCorrectionEndpoint, createCorrectionPageEndpoint, entriesOf } from './endpoints/correction-endpoint.ts';
import { createCorrectionPageRenderer } from './pages/render-correction-page.ts';

/** How long a submission may spend delivering before the applicant gets "queued" (sync limit: 60 s). */
export const REQUEST_BUDGET_MS = 15_000;
/** What a scheduled run may spend in all (Netlify stops scheduled functions at 30 s). */
export const SCHEDULED_BUDGET_MS = 24_000;
/** Opened applications a scheduled run asks GitHub about, at most (one call each). */
export const SCHEDULED_REFRESH_MAX = 20;

export const consoleLog: Log = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

export interface JoinWiring {
  artefact: Artefact;
  openStore: (name: string) => BlobStore;
  clock?: Clock;
  log?: Log;
  random?: (size: number) => Uint8Array;
  /** Tests pass their own client (pointed at the GitHub stand-in, without write spacing). */
  octokit?: GitHubClient;
  budgetMs?: number;
}

export function createJoinRuntime(config: JoinConfig, wiring: JoinWiring) {
  const clock = wiring.clock ?? (() => new Date());
  const log = wiring.log ?? consoleLog;
  const index = joinIndexFromArtefact(wiring.artefact);
  const renderer = createJoinPageRenderer(index);
  const correctionRenderer = createCorrectionPageRenderer(renderer);
  // Corrections compare with the whole entry: the functions that take them read the full artefact.
  const entry = entriesOf(wiring.artefact);
  const budgetMs = wiring.budgetMs ?? REQUEST_BUDGET_MS;
  let target: ReviewTarget;
  let access: EditorAccess;
  if (config.mode === 'github') {
    const { owner, repo, baseBranch, apiUrl, auth } = config.github;
    const octokit = wiring.octokit ?? createGitHubClient({ apiUrl, auth, log });
    target = createGitHubTarget({ octokit, owner, repo, baseBranch, isPublished: index.hasSlug, siteUrl: config.siteUrl, log });
    access = githubEditorAccess({ apiUrl, owner, repo, log });
  } else {
    access = localEditorAccess();
    target = createLocalGitTarget({ repoPath: config.local.repoPath, baseBranch: config.local.baseBranch, isPublished: index.hasSlug });
  }
  let localRecipients: Promise<string[]> | undefined;
  const recipients = async () => {
    if (config.recipients) return config.recipients;
    if (config.mode !== 'local-git') throw new Error('no recipients');
    localRecipients ??= ensureLocalIdentity(config.local.identityFile).then(({ recipient, created }) => {
      if (created) log.info(`[join] created the local editors' identity ${config.local.identityFile}`);
      return [recipient];
    });
    return localRecipients;
  };

  /** Store, queue and delivery over this request's Blobs store. */
  const services = () => {
    const blobs = wiring.openStore(config.storeName);
    const store = createApplicationStore(blobs);
    const queue = createQueue(blobs, clock);
    // Duplicate claims are judged from the store alone: a submission never asks GitHub.
    const holder = storedHolder(store, clock);
    const delivery = createDelivery({ store, queue, target, clock, log, budgetMs, holder, isPublished: index.hasSlug });
    const refresh = (record: ApplicationRecord) => delivery.refresh(record);
    return { store, queue, delivery, refresh, holder };
  };

  return {
    config,
    index,
    renderer,
    services,
    submit: (request: Request) => {
      const { store, delivery, holder } = services();
      return createJoinEndpoint({ index, store, delivery, holder, recipients, formSecret: config.formSecret, clock, renderer, log, random: wiring.random })(
        request,
      );
    },
    /** `POST /api/v1/groups/{slug}/corrections`: the correction intake. */
    correct: (request: Request) => {
      const { store, delivery } = services();
      return createCorrectionEndpoint({
        index,
        entry,
        store,
        delivery,
        recipients,
        formSecret: config.formSecret,
        clock,
        renderer: correctionRenderer,
        log,
        random: wiring.random,
      })(request);
    },
    correctionPage: (request: Request) =>
      createCorrectionPageEndpoint({ ...services(), entry, renderer: correctionRenderer, formSecret: config.formSecret, clock, random: wiring.random })(
        request,
      ),
    status: (request: Request) => createStatusEndpoint(services())(request),
    /** The editors' desk: applications and corrections with their encrypted contacts (`clientIp`: the runtime's `context.ip`). */
    applications: (request: Request, clientIp?: string) => createApplicationsEndpoint({ store: services().store, access })(request, clientIp),
    page: (request: Request) => createJoinPageEndpoint({ ...services(), renderer, formSecret: config.formSecret, clock, random: wiring.random })(request),
    /** Delivers the queue (the scheduled function and `npm run join:deliver`). */
    drain: (budget: number, options?: { reference?: string; all?: boolean }) => services().delivery.drain(budget, options),
    /** The scheduled run: the queue first, then what editors did with opened applications, within `budget`. */
    async scheduled(budget: number) {
      const started = Date.now();
      const { delivery } = services();
      const report = await delivery.drain(budget);
      const refreshed = await delivery.refreshOpen(SCHEDULED_REFRESH_MAX, budget - (Date.now() - started));
      return { ...report, refreshed };
    },
  };
}

export type JoinRuntime = ReturnType<typeof createJoinRuntime>;

/** What a thin function binds: the runtime, or handlers that say the service is not configured. */
export function wireJoin(
  env: Record<string, string | undefined>,
  wiring: JoinWiring,
): Pick<JoinRuntime, 'submit' | 'status' | 'page' | 'correct' | 'correctionPage' | 'applications'> & {
  drain: JoinRuntime['drain'] | undefined;
  scheduled: JoinRuntime['scheduled'] | undefined;
} {
  const read = readJoinConfig(env);
  if (!read.ok) {
    (wiring.log ?? consoleLog).error(read.message);
    const unavailable = async (request: Request) =>
      withSecurityHeaders(
        errorResponse(503, { code: 'upstream_unavailable', message: t(requestLocale(request), 'api.joinUnavailable') }, { 'Retry-After': '3600' }),
      );
    return {
      submit: unavailable,
      status: unavailable,
      page: unavailable,
      correct: unavailable,
      correctionPage: unavailable,
      applications: unavailable,
      drain: undefined,
      scheduled: undefined,
    };
  }
  const { config } = read;
  (wiring.log ?? consoleLog).info(
    config.mode === 'github'
      ? `[join] applications open pull requests in ${config.github.owner}/${config.github.repo} (base ${config.github.baseBranch})`
      : `[join] no GITHUB_REPOSITORY: applications become branches of the local repository ${config.local.repoPath} (base ${config.local.baseBranch})`,
  );
  return createJoinRuntime(config, wiring);
}
