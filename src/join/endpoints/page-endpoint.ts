/**
 * `GET /join`, `/<lang>/join` (the form) and `/join/thanks`, `/<lang>/join/thanks` (the thank-you page).
 * Served by a function rather than as static files because each form page carries a freshly
 * signed token, and the thank-you page shows the application's current state.
 *
 * The language is the path's (`/pt/…`), else `?lang=`, else the browser's Accept-Language (q-values
 * honoured, src/i18n/negotiate.ts). A first segment that is no language's is a 404.
 */
import { randomBytes } from 'node:crypto';
import { checkMethod, guarded } from '../../http/respond.ts';
import type { Clock } from '../store/application-store.ts';
import { issueFormToken } from '../intake/form-token.ts';
import { pageHeaders } from './join-endpoint.ts';
import { DEFAULT_LOCALE, isLocale, pickLocale } from '../../i18n/index.ts';
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
    if (first !== 'join' && (!isLocale(first) || first === DEFAULT_LOCALE)) {
      const nonce = Buffer.from(random(16)).toString('base64');
      return new Response(deps.renderer.renderNotFound(pickLocale({ acceptLanguage: request.headers.get('accept-language') }), nonce), { status: 404, headers: pageHeaders(nonce) });
    }
    const locale = first !== 'join' && isLocale(first) ? first : pickLocale({ explicit: [url.searchParams.get('lang')], acceptLanguage: request.headers.get('accept-language') });
    const nonce = Buffer.from(random(16)).toString('base64');
    if (path.endsWith('/thanks')) {
      const record = await findApplication(deps, url.searchParams.get('reference') ?? '');
      const page = deps.renderer.renderThanks(locale, record && { reference: record.reference, state: record.state }, nonce);
      return new Response(page, { status: record ? 200 : 404, headers: pageHeaders(nonce) });
    }
    const token = issueFormToken(deps.formSecret, deps.clock(), random);
    return new Response(deps.renderer.renderForm(locale, token, nonce), { status: 200, headers: pageHeaders(nonce) });
  }, 'join-page');
}
