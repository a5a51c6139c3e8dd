/**
 * The pull request body: what the application says, for the editors who review it. The
 * repository is public and the text comes from strangers, so every applicant value is shown
 * inert: inside a code span or a fenced code block, whose fence is longer than any backtick run
 * in the value. GitHub renders code literally — no @mention notifies anyone, no #123 links, no
 * image loads, no HTML or link is interpreted (https://github.github.com/gfm/#code-spans,
 * #fenced-code-blocks). Contact details never appear here, not even encrypted.
 */
import { entryFilePath } from '../../schema/collections.ts';
import { CONTENT_LOCALES } from '../../schema/locales.ts';
import { entryFields, type Entry } from '../../schema/entry.ts';
import type { ApplicationRecord, DuplicateMatch } from '../store/application-store.ts';

/** GitHub refuses pull request bodies over 65,536 characters. */
const BODY_MAX = 60_000;
const INLINE_MAX = 400;
const BLOCK_MAX = 4_000;

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

const longestRun = (text: string) => Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));

/** One line of applicant text, shown literally. */
export function inlineCode(text: string, max = INLINE_MAX): string {
  const value = clip(text.replace(/\s+/g, ' '), max);
  const fence = '`'.repeat(longestRun(value) + 1);
  const pad = /^[\s`]|[\s`]$/.test(value) ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** Several lines of applicant text, shown literally. */
export function codeBlock(text: string, max = BLOCK_MAX): string {
  const value = clip(text, max);
  const fence = '`'.repeat(Math.max(3, longestRun(value) + 1));
  return `${fence}text\n${value}\n${fence}`;
}

const titleOf = (key: keyof typeof entryFields) => ((entryFields[key].meta() ?? {}) as { title?: string }).title ?? key;

function describeMatch(m: DuplicateMatch): string {
  const what = m.field === 'website' ? `the same website domain ${inlineCode(m.value)}` : `the same name ${inlineCode(m.value)}`;
  if (m.kind === 'entry') return `- ${what} as the entry ${inlineCode(m.name ?? '')} (\`${entryFilePath(m.slug ?? '')}\`)`;
  return `- ${what} as application ${m.reference} (received ${m.received_at?.slice(0, 10)})`;
}

export interface ReviewContext {
  /** Where the file goes, e.g. content/groups/cgt.md. */
  path: string;
  /** The public site, to link the CMS from; optional. */
  siteUrl?: string;
}

export function reviewText(record: ApplicationRecord, entry: Entry, context: ReviewContext): string {
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);
  const received = record.received_at.slice(0, 10);
  add(`## Join application ${record.reference}`, '');
  add(
    `A group asked to be listed in the directory through the join form on ${received}. ` +
      `The entry is in \`${context.path}\`; review it in the CMS ` +
      (context.siteUrl ? `([Workflow](${context.siteUrl.replace(/\/$/, '')}/admin/#/workflow)) ` : '') +
      `under “Waiting for review”: edit it there, then publish it, or delete it to decline.`,
    '',
    `The relation to the network is set to \`none\` until a source states more. Everything below was typed by the applicant and is shown as plain text.`,
    '',
  );
  if (record.possible_duplicates.length > 0) {
    add(
      '### ⚠ Possible duplicate',
      '',
      'The applicant confirmed that their group is not the one it matched:',
      ...record.possible_duplicates.map(describeMatch),
      '',
    );
  }
  add('### What the applicant gave', '');
  const scalar = (key: keyof typeof entryFields, value: string | number | undefined) => {
    if (value !== undefined) add(`- **${titleOf(key)}:** ${inlineCode(String(value))}`);
  };
  const list = (key: keyof typeof entryFields, values: readonly string[] | undefined) => {
    if (values && values.length > 0)
      add(
        `- **${titleOf(key)}:** ${values
          .slice(0, 50)
          .map((v) => inlineCode(v))
          .join(', ')}${values.length > 50 ? ` and ${values.length - 50} more` : ''}`,
      );
  };
  scalar('name', entry.name);
  scalar('short_name', entry.short_name);
  list('alternate_names', entry.alternate_names);
  scalar('website', entry.website);
  scalar('email', entry.email);
  list('social', entry.social);
  scalar('geographic_scope', entry.geographic_scope);
  list('countries', entry.countries);
  scalar('city', entry.city);
  scalar('structure', entry.structure);
  list('languages', entry.languages);
  list('subjects', entry.subjects);
  list('sectors', entry.sectors);
  scalar('founded', entry.founded);
  for (const locale of CONTENT_LOCALES) {
    const summary = entry.summary[locale];
    if (summary) add(`- **${titleOf('summary')} (${locale}):** ${inlineCode(summary)}`);
  }
  add('');
  for (const locale of CONTENT_LOCALES) {
    const purpose = entry.purpose?.[locale];
    if (purpose) add(`**${titleOf('purpose')} (${locale})**`, '', codeBlock(purpose), '');
  }
  const closing = [
    '### Contact details',
    '',
    `The applicant’s contact details${record.has_message ? ' and their message to the editors are' : ' are'} encrypted for the editors and kept outside this repository. To read them, open **Applications** in the CMS (\`/admin/applications.html\`), or run:`,
    '',
    '```sh',
    `npm run join:contacts -- ${record.reference}`,
    '```',
    '',
    '<sub>Opened by the join form. Decap CMS reads this pull request’s branch, title and `decap-cms/pending_review` label; keep them.</sub>',
  ];
  return fitBody(lines, closing, `… (shortened; the whole entry is in \`${context.path}\`)`);
}

/**
 * The body within GitHub's limit, cut only between whole parts: every part (a line of inline code
 * spans, or a whole fenced block) is either in or out, so a cut never lands inside a code span or
 * a fence, where the rest of the applicant's text would render as live Markdown. The closing
 * instructions are always kept.
 */
export function fitBody(parts: readonly string[], closing: readonly string[], shortened: string, max = BODY_MAX): string {
  const whole = [...parts, ...closing].join('\n');
  if (whole.length <= max) return whole;
  const end = ['', shortened, '', ...closing].join('\n');
  const kept: string[] = [];
  let length = end.length;
  for (const part of parts) {
    if (length + part.length + 1 > max) break;
    kept.push(part);
    length += part.length + 1;
  }
  return `${kept.join('\n')}\n${end}`;
}
