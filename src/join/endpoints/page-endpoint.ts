/**
 * `GET /join`, `/fr/join` (the form) and `/join/thanks`, `/fr/join/thanks` (the thank-you page).
 * Served by a function rather than as static files because each form page carries a freshly
 * signed token, and the thank-you page shows the application's current state.
 *
 * The language is the path's (`/fr/…`), else `?lang=`, else the browser's Accept-Language.
 */
import { randomBytes } from 'node:crypto';
import { checkMethod, guarded } from '../../http/respond.ts';
import type { Clock } from '../store/application-store.ts';
import { issueFormToken } from '../intake/form-token.ts';
import { pageHeaders } from './join-endpoint.ts';
import { pickLocale } from '../pages/messages.ts';
import { JOIN_LOCALES, type JoinLocale } from '../../schema/join.ts';
import type { JoinPageRenderer } from '../pages/render-join-page.ts';
import { findApplication, type StatusDeps } from './status-endpoint.ts';

export interface PageDeps extends StatusDeps {
  renderer: JoinPageRenderer;
  formSecret: string;
  clock: Clock;
  random?: (size: number) => Uint8Array;
}

export function createJoinPageEndpoint(deps: PageDeps) {
  const random = deps.random ?? randomBytes;
  return guarded(async (request) => {
    const denied = checkMethod(request, ['GET'], {});
    if (denied) return denied;
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/+$/, '');
    const first = path.split('/')[1] ?? '';
    const nonce = Buffer.from(random(16)).toString('base64');
    // The route is `/:lang/join`: a first segment that is no language's is no page.
    const byPath = first === 'join' ? undefined : (JOIN_LOCALES as readonly string[]).includes(first) && first !== 'en' ? (first as JoinLocale) : null;
    if (byPath === null) return new Response(deps.renderer.renderThanks('en', undefined, nonce), { status: 404, headers: pageHeaders(nonce) });
    const locale = byPath ?? pickLocale(url.searchParams.get('lang'), request.headers.get('accept-language'));
    if (path.endsWith('/thanks')) {
      const record = await findApplication(deps, url.searchParams.get('reference') ?? '');
      const page = deps.renderer.renderThanks(locale, record && { reference: record.reference, state: record.state }, nonce);
      return new Response(page, { status: record ? 200 : 404, headers: pageHeaders(nonce) });
    }
    const token = issueFormToken(deps.formSecret, deps.clock(), random);
    return new Response(deps.renderer.renderForm(locale, token, nonce), { status: 200, headers: pageHeaders(nonce) });
  }, 'join-page');
}
