/**
 * `npm run import:connexions -- [--dry-run] [--report json] [--name NAME] [--lang CODE] <file or folder>...`:
 * imports Connexions directory listings (plain text; a folder stands for its .txt files) into
 * content/groups/. The work is done by src/import/connexions/import-run.ts; this file only reads
 * the arguments, wires up the disk and the terminal, and prints the report. See docs/importing.md.
 *
 * CONTENT_ROOT, as for build:content, names another project folder to import into.
 * Exit status: 0 when every listing was imported, merged or already present; 1 when one was
 * incomplete or skipped, or the content did not pass the build; 2 for a wrong command line.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importListings } from '../src/import/connexions/import-run.ts';
import { createNodeIo } from '../src/import/connexions/node-io.ts';
import { formatReport, reportFailed, reportJson } from '../src/import/connexions/report.ts';
import { CONTENT_LOCALES, isContentLocale, type ContentLocale } from '../src/schema/locales.ts';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: npm run import:connexions -- [options] <file or folder>...

Imports Connexions directory listings (plain text; a folder stands for its .txt files; a file
may hold several listings) into content/groups/. Existing entries are never overwritten: only
their empty fields are filled, and differing values are reported as conflicts.

  --dry-run, -n      print what would change, write nothing
  --report json      print the report as JSON: per listing the fields set and every decision
                     (paragraphs, list items, wrap width, language identified and how sure, match)
  --name NAME        the group's name, for one listing that has no name line
  --lang CODE        the language the listings' text is in (${CONTENT_LOCALES.join(', ')}), when
                     identification is unsure
  --help, -h         show this text`;

export interface ImportArguments {
  dryRun: boolean;
  inputs: string[];
  report: 'text' | 'json';
  name?: string;
  lang?: ContentLocale;
}

export function parseArguments(argv: readonly string[]): ImportArguments | { help: true } | { error: string } {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    // parseArgs names the option it does not know (ERR_PARSE_ARGS_UNKNOWN_OPTION)
    return { error: (error as Error).message.split('.')[0]!.replace(/^Unknown option '([^']+)'.*/, 'unknown option $1') };
  }
  const { values, positionals: inputs } = parsed;
  if (values.help) return { help: true };
  if (inputs.length === 0) return { error: 'give at least one listing file or folder' };
  if (values.report !== undefined && values.report !== 'json' && values.report !== 'text')
    return { error: `--report takes json or text, not "${values.report}"` };
  if (values.lang !== undefined && !isContentLocale(values.lang)) return { error: `--lang takes one of ${CONTENT_LOCALES.join(', ')}, not "${values.lang}"` };
  if (values.name !== undefined && values.name.trim() === '') return { error: "--name needs the group's name" };
  return {
    dryRun: values['dry-run'] === true,
    inputs,
    report: values.report === 'json' ? 'json' : 'text',
    ...(values.name ? { name: values.name.trim() } : {}),
    ...(values.lang ? { lang: values.lang as ContentLocale } : {}),
  };
}

// https://nodejs.org/api/util.html#utilparseargsconfig
function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'dry-run': { type: 'boolean', short: 'n' },
      help: { type: 'boolean', short: 'h' },
      report: { type: 'string' },
      name: { type: 'string' },
      lang: { type: 'string' },
    },
  });
}

/** Asks on the terminal; without one (CI, a pipe) there is nobody to ask and the listing is reported incomplete. */
async function askNameOnTerminal(file: string): Promise<string | undefined> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await terminal.question(`${file} has no name line and its purpose does not state one.\nThe group's name (Enter to skip): `);
    return answer.trim() || undefined;
  } finally {
    terminal.close();
  }
}

async function main() {
  const args = parseArguments(process.argv.slice(2));
  if ('help' in args) {
    console.log(USAGE);
    return;
  }
  if ('error' in args) {
    console.error(`import:connexions: ${args.error}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true && args.report === 'text';
  const report = await importListings({
    root: process.env.CONTENT_ROOT ? resolve(process.env.CONTENT_ROOT) : PROJECT_ROOT,
    inputs: args.inputs,
    dryRun: args.dryRun,
    clock: () => new Date(),
    // npm runs scripts in the project folder; INIT_CWD is where the editor typed the command
    io: createNodeIo(process.env.INIT_CWD ?? process.cwd()),
    ...(interactive ? { askName: askNameOnTerminal } : {}),
    ...(args.name ? { givenName: args.name } : {}),
    ...(args.lang ? { textLocale: args.lang } : {}),
  });
  console.log(args.report === 'json' ? reportJson(report) : formatReport(report));
  if (reportFailed(report)) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
