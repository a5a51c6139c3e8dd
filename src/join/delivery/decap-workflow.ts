/**
 * The shape Decap CMS's editorial workflow gives a new entry, copied here so an application
 * appears in the CMS Workflow tab under "Waiting for review" exactly like an entry an editor
 * saved. Read from decap-cms-backend-github (src/API.ts: `editorialWorkflowGit`, `createPR`,
 * `listUnpublishedBranches`) and decap-cms-lib-util (src/APIUtils.ts):
 *
 * - branch `cms/<collection>/<slug>` (`branchFromContentKey`), created from the CMS's branch;
 * - one commit whose message is the collection's "create" message, `Create <collection> “<slug>”`,
 *   which is also the pull request's title;
 * - the status label `decap-cms/pending_review` (`statusToLabel`, default prefix `decap-cms/`).
 *   An open `cms/…` pull request *without* a status label is taken for a pre-labels entry: Decap
 *   then alerts editors and tries to migrate it on every load. Hence: label at once, and close
 *   the pull request if labelling fails.
 * - Locally, decap-server's git mode reads the status from `git config branch.<branch>.description`.
 * - An edit of an existing entry is the same shape with the collection's "update" message,
 *   `Update <collection> “<slug>”` (decap-cms-core src/lib/formatters.ts, `commitMessageTemplates`),
 *   one commit changing the entry's file. Decap tells a new entry from an edit by the file's status
 *   in the diff against the base branch (added or modified).
 */
import { GROUPS } from '../../schema/collections.ts';

export const CMS_COLLECTION = GROUPS.name;
export const PENDING_REVIEW_LABEL = 'decap-cms/pending_review';
/** Lets editors filter applications in GitHub; Decap keeps non-CMS labels when it changes status. */
export const JOIN_LABEL = 'join-request';
export const DUPLICATE_LABEL = 'possible-duplicate';
/** Marks a public correction of an existing entry. */
export const CORRECTION_LABEL = 'correction-request';

export const branchFor = (slug: string) => `cms/${CMS_COLLECTION}/${slug}`;
export const titleFor = (slug: string) => `Create ${CMS_COLLECTION} “${slug}”`;
export const updateTitleFor = (slug: string) => `Update ${CMS_COLLECTION} “${slug}”`;
export const branchDescriptionKey = (branch: string) => `branch.${branch}.description`;

/** A trailer in the commit message ties a branch to its application, so a retry recognises its own work. */
export const REFERENCE_TRAILER = 'Join-Reference';

export function commitMessage(slug: string, reference: string, title = titleFor(slug)): string {
  return `${title}\n\n${REFERENCE_TRAILER}: ${reference}\n`;
}

export function referenceInCommitMessage(message: string): string | undefined {
  return new RegExp(`^${REFERENCE_TRAILER}: (\\S+)$`, 'm').exec(message)?.[1];
}
