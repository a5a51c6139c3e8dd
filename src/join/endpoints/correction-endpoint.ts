/**
 * `POST /api/v1/groups/{slug}/corrections` and the correction pages, `GET /groups/{slug}/correction`
 * (`/fr/…`) and `…/correction/thanks?reference=`. The POST is the correction intake behind the door
 * both intakes share (intake-endpoint.ts: JSON or form, 303 for a plain form post, the same status
 * codes); an unknown slug is a 404 before anything is read.
 */
import { paths } from '../../schema/routes.ts';
import { randomBytes } from 'node:crypto';
import { checkMethod, guarded, notFound, requestLocale } from '../../http/respond.ts';
import { t } from '../../i18n/index.ts';
import { correctionRequestSchema } from '../../schema/correction.ts';
import type { Entry } from '../../schema/entry.ts';
import { docOfSlug, entryOf, type Artefact } from '../../engine/artefact.ts';
import type { Clock } from '../store/application-store.ts';
import { CORRECTION_MESSAGES } from '../pages/messages.ts';
import { issueFormToken } from '../intake/form-token.ts';
import type { Log } from '../log.ts';
import { answerIntake, pageHeaders } from './intake-endpoint.ts';
import { formShapeOf } from '../intake/parse-body.ts';
import { correctionThanksPath, readCorrectionPath, type CorrectionPageRenderer } from '../pages/render-correction-page.ts';
import { findApplication, type StatusDeps } from './status-endpoint.ts';
import { submitCorrection, type CorrectionDeps } from '../submit-correction.ts';

const CORRECTION_FORM_SHAPE = formShapeOf(correctionRequestSchema);

/** Slug → the entry as its file holds it (the artefact's presentation fields left out). */
export function entriesOf(artefact: Artefact): (slug: string) => Entry | undefined {
  return (slug) => {
    const doc = docOfSlug(artefact, slug);
    if (doc < 0) return undefined;
    const { purpose_html: _html, purpose_langs: _langs, ...entry } = entryOf(artefact, doc);
    return entry;
  };
}

export interface CorrectionEndpointDeps extends CorrectionDeps {
  entry: (slug: string) => Entry | undefined;
  renderer: CorrectionPageRenderer;
  log: Log;
  bodyLimit?: number;
  random?: (size: number) => Uint8Array;
}

function slugOf(pathname: string): string | undefined {
  const match = /^\/api\/v1\/groups\/([^/]+)\/corrections\/?$/.exec(pathname);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

export function createCorrectionEndpoint(deps: CorrectionEndpointDeps) {
  return guarded(async (request) => {
    const denied = checkMethod(request, ['POST'], {});
    if (denied) return denied;
    const slug = slugOf(new URL(request.url).pathname);
    const entry = slug === undefined ? undefined : deps.entry(slug);
    if (!entry) return notFound(t(requestLocale(request), 'api.noEntry'), { 'Cache-Control': 'no-store' });
    return answerIntake(
      {
        name: 'correction',
        log: deps.log,
        formSecret: deps.formSecret,
        clock: deps.clock,
        random: deps.random,
        bodyLimit: deps.bodyLimit,
        formShape: CORRECTION_FORM_SHAPE,
        answers: (locale) => CORRECTION_MESSAGES[locale].answers,
        renderForm: (locale, token, nonce, state) => deps.renderer.renderForm(entry, locale, token, nonce, state),
        thanksUrl: (locale, reference) => `${correctionThanksPath(locale, entry.slug)}?reference=${reference}`,
        submit: (values, cleared, overlong) => submitCorrection(entry, values, cleared, deps, overlong),
      },
      request,
    );
  }, 'correction');
}

export interface CorrectionPageDeps extends StatusDeps {
  entry: (slug: string) => Entry | undefined;
  renderer: CorrectionPageRenderer;
  formSecret: string;
  clock: Clock;
  random?: (size: number) => Uint8Array;
}

export function createCorrectionPageEndpoint(deps: CorrectionPageDeps) {
  const random = deps.random ?? randomBytes;
  return guarded(async (request) => {
    const denied = checkMethod(request, ['GET'], {});
    if (denied) return denied;
    const url = new URL(request.url);
    const nonce = Buffer.from(random(16)).toString('base64');
    const where = readCorrectionPath(url.pathname);
    const locale = where?.locale ?? 'en';
    const entry = where ? deps.entry(where.slug) : undefined;
    if (!where || !entry) {
      return new Response(
        deps.renderer.renderUnknownEntry(locale, nonce, (l) => paths.home(l)),
        { status: 404, headers: pageHeaders(nonce) },
      );
    }
    if (where.thanks) {
      const found = await findApplication(deps, url.searchParams.get('reference') ?? '');
      const record = found?.kind === 'correction' && found.correction?.slug === entry.slug ? found : undefined;
      const page = deps.renderer.renderThanks(entry, locale, record && { reference: record.reference, state: record.state }, nonce);
      return new Response(page, { status: record ? 200 : 404, headers: pageHeaders(nonce) });
    }
    const token = issueFormToken(deps.formSecret, deps.clock(), random);
    return new Response(deps.renderer.renderForm(entry, locale, token, nonce), { status: 200, headers: pageHeaders(nonce) });
  }, 'correction-page');
}
