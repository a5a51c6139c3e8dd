/**
 * `POST /api/v1/join`: the join intake behind the shared door (intake-endpoint.ts), which answers
 * in JSON or, for a plain form post, with the join page again or a 303 to its thank-you page.
 */
import { paths } from '../../schema/routes.ts';
import { guarded } from '../../http/respond.ts';
import type { Log } from '../log.ts';
import { JOIN_MESSAGES } from '../pages/messages.ts';
import type { JoinPageRenderer } from '../pages/render-join-page.ts';
import { submitApplication, type PipelineDeps } from '../submit-application.ts';
import { answerIntake } from './intake-endpoint.ts';

export { pageHeaders, publicStatus, statusUrl } from './intake-endpoint.ts';

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
          submit: (values) => submitApplication(values, deps),
        },
        request,
      ),
    'join',
  );
}
