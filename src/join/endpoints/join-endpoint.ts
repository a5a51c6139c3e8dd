/**
 * `POST /api/v1/join`: the join intake behind the shared door (intake-endpoint.ts), which answers
 * in JSON or, for a plain form post, with the join page again or a 303 to its thank-you page.
 *
 *   201 pull request opened · 202 received, delivery queued · 200 this form was already sent
 *   400 invalid (per-field messages) · 403 sent from another site · 405 · 409 duplicate
 *   413 too large · 415 media type · 503 the store failed before anything was saved
 *
 * Request bodies and contact details are never logged.
 */
import { paths } from '../../schema/routes.ts';
import { guarded } from '../../http/respond.ts';
import type { Log } from '../log.ts';
import { JOIN_MESSAGES } from '../pages/messages.ts';
import type { JoinPageRenderer } from '../pages/render-join-page.ts';
import { submitApplication, type PipelineDeps } from '../submit-application.ts';
import { answerIntake } from './intake-endpoint.ts';

export { isCrossSite, pageHeaders, publicStatus, statusUrl } from './intake-endpoint.ts';

export interface JoinEndpointDeps extends PipelineDeps {
  renderer: JoinPageRenderer;
  log: Log;
  bodyLimit?: number;
  random?: (size: number) => Uint8Array;
}

export function createJoinEndpoint(deps: JoinEndpointDeps) {
  return guarded(
    (request) =>
      answerIntake(
        {
          name: 'join',
          log: deps.log,
          formSecret: deps.formSecret,
          clock: deps.clock,
          random: deps.random,
          bodyLimit: deps.bodyLimit,
          answers: (locale) => JOIN_MESSAGES[locale].answers,
          renderForm: (locale, token, nonce, state) => deps.renderer.renderForm(locale, token, nonce, state),
          thanksUrl: (locale, reference) => paths.joinThanks(locale, reference),
          submit: (values, _cleared, overlong) => submitApplication(values, deps, overlong),
        },
        request,
      ),
    'join',
  );
}
