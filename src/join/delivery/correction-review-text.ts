/**
 * The pull request body of a public correction, and the comment that tells an editor working on a
 * draft of the same entry about it: the change field by field (as the directory showed it → as
 * proposed), the source, whether the person speaks for the group, and what they say about the
 * relation to the network. Every value typed by the public is shown inert, as in review-text.ts
 * (code spans and fenced blocks); contact details never appear, not even encrypted.
 */
import { entryFields } from '../../schema/entry.ts';
import type { ApplicationRecord, FieldChange } from '../store/application-store.ts';
import { codeBlock, inlineCode } from './review-text.ts';

/** GitHub refuses bodies and comments over 65,536 characters. */
const BODY_MAX = 60_000;

const titleOf = (field: keyof typeof entryFields) => ((entryFields[field].meta() ?? {}) as { title?: string }).title ?? field;

function shown(field: string, value: unknown): string {
  if (value === undefined) return '*(none)*';
  if (Array.isArray(value)) return value.length === 0 ? '*(none)*' : value.map((v) => inlineCode(String(v))).join(', ');
  const text = String(value);
  return field === 'purpose' && text.includes('\n') ? `\n\n${codeBlock(text)}\n` : inlineCode(text);
}

export function changeLines(changes: readonly FieldChange[]): string[] {
  return changes.map((c) => {
    const name = `${titleOf(c.field)}${c.locale ? ` (${c.locale})` : ''}`;
    if (c.to === undefined) return `- **${name}:** remove ${shown(c.field, c.from)}`;
    if (c.from === undefined) return `- **${name}:** add ${shown(c.field, c.to)}`;
    return `- **${name}:** ${shown(c.field, c.from)} → ${shown(c.field, c.to)}`;
  });
}

function claimLines(record: ApplicationRecord): string[] {
  const c = record.correction!;
  const lines = [
    `- **Source given:** ${c.source_url ? inlineCode(c.source_url) : '*(none)*'}`,
    `- **Speaks for the group:** ${c.speaks_for_group ? 'yes, says they are a member or officer of the group' : 'no'}`,
  ];
  if (c.relation_claim) {
    lines.push(
      '',
      '**About the relation to the network** (a claim to check against a source; it changes nothing in the entry by itself):',
      '',
      codeBlock(c.relation_claim),
    );
  }
  return lines;
}

function clip(body: string): string {
  return body.length <= BODY_MAX ? body : `${body.slice(0, BODY_MAX)}\n\n… (shortened; the change is in the pull request’s diff)`;
}

export function correctionReviewText(record: ApplicationRecord, context: { path: string; siteUrl?: string }): string {
  const c = record.correction!;
  const lines = [
    `## Correction ${record.reference}`,
    '',
    `Someone proposed a correction of \`${context.path}\` through the directory’s correction form on ${record.received_at.slice(0, 10)}. ` +
      `Only the values below change; review it in the CMS ` +
      (context.siteUrl ? `([Workflow](${context.siteUrl.replace(/\/$/, '')}/admin/#/workflow)) ` : '') +
      `under “In review”: adjust it there, then publish it, or delete it to decline. The entry’s “Updated” date is left for you to set.`,
    '',
    '### What changes',
    '',
    ...(c.changes.length > 0 ? changeLines(c.changes) : ['*(no value changes: only a note about the relation to the network)*']),
    ...(c.source_url
      ? [`- **${titleOf('sources')}:** add ${inlineCode(c.source_url)}, recorded by the form as where the correction comes from (keep it or remove it)`]
      : []),
    '',
    '### Who says so',
    '',
    ...claimLines(record),
    '',
    '### Contact details',
    '',
    `The person’s contact details${record.has_message ? ' and their message to the editors are' : ' are'} encrypted for the editors and kept outside this repository: open **Applications** in the CMS (\`/admin/applications.html\`), or run \`npm run join:contacts -- ${record.reference}\`.`,
    '',
    '<sub>Opened by the correction form. Decap CMS reads this pull request’s branch, title and `decap-cms/pending_review` label; keep them.</sub>',
  ];
  return clip(lines.join('\n'));
}

/** The comment on an editor's open draft of the same entry: the correction waits until the draft is published or deleted. */
export function draftNoteText(record: ApplicationRecord): string {
  const c = record.correction!;
  const lines = [
    `### A correction of this entry is waiting (${record.reference})`,
    '',
    'Someone proposed the changes below through the directory’s correction form. They were not applied to this draft, so your work here is untouched. ' +
      'The correction will appear in the CMS Workflow tab as its own change once this draft is published or deleted; you can also take the values into this draft now.',
    '',
    ...(c.changes.length > 0 ? changeLines(c.changes) : ['*(no value changes: only a note about the relation to the network)*']),
    '',
    ...claimLines(record),
  ];
  return clip(lines.join('\n'));
}
