/**
 * Markdown files with YAML front matter, read and written with the `yaml` package: never by
 * string concatenation, so no value can break out of its field.
 */
import { parseDocument, stringify } from 'yaml';

export interface FrontMatterFile {
  data: unknown;
  body: string;
}

export class FrontMatterError extends Error {}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;

/** Splits `---\n<yaml>\n---\n<body>`; throws FrontMatterError with a readable message. */
export function parseFrontMatter(text: string): FrontMatterFile {
  const open = OPENING.exec(text);
  if (!open) throw new FrontMatterError('the file must start with a front matter block opened by "---"');
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) throw new FrontMatterError('the front matter block is not closed by a "---" line');
  const yamlText = rest.slice(0, close.index);
  const data = parseYaml(yamlText, text.slice(0, open[0].length).split('\n').length - 1);
  const body = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  return { data, body };
}

/** Parses YAML 1.2; errors name the line in the file (`lineOffset` lines precede `text`). */
export function parseYaml(text: string, lineOffset = 0): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, version: '1.2' });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = text.slice(0, first.pos[0]).split('\n').length + lineOffset;
    throw new FrontMatterError(`invalid YAML on line ${line}: ${first.message.split('\n')[0]}`);
  }
  return doc.toJSON();
}

export function stringifyYaml(data: unknown): string {
  return stringify(data, { lineWidth: 0, version: '1.2', defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

export function stringifyFrontMatter(data: unknown, body = ''): string {
  return `---\n${stringifyYaml(data)}---\n${body}`;
}
