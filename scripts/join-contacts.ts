/**
 * `npm run join:contacts` — for editors: the contact details an applicant left, decrypted on
 * the editor's own machine with their age identity. The server never could read them back.
 *
 *   npm run join:contacts -- <REFERENCE>              print them (the reference is in the pull request)
 *   npm run join:contacts -- <REFERENCE> --identity ~/.config/solidarity/editor.txt
 *   npm run join:contacts -- --forget <REFERENCE>     delete them once the application is decided
 *   npm run join:contacts -- --new-identity <file>    create an editor's key pair (no `age` install needed)
 *
 * The identity file is what `age-keygen` writes (AGE-SECRET-KEY-1…), given by --identity or
 * JOIN_CONTACT_IDENTITY; the local default (`npm start`) uses its own identity in .netlify/.
 * Production needs NETLIFY_SITE_ID and NETLIFY_AUTH_TOKEN (see src/runtime/join-store.ts). Nothing is
 * written to disk; the details are printed only.
 */
import { parseArgs } from 'node:util';
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApplicationStore } from '../src/join/store/application-store.ts';
import { readJoinConfig } from '../src/join/config.ts';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { decryptContact, identitiesIn } from '../src/join/store/contact-encryption.ts';
import { readReference } from '../src/schema/join.ts';
import type { Output } from './join-deliver.ts';
import { openJoinStore } from '../src/runtime/join-store.ts';

const USAGE = 'usage: npm run join:contacts -- <REFERENCE> [--identity <file>]  |  -- --forget <REFERENCE>  |  -- --new-identity <file>';

/** Writes a new age identity to `file` (never overwriting one) and returns its public key. */
async function newIdentity(file: string): Promise<string> {
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  await handle.writeFile(`# Solidarity Directory editor identity. Keep it private; share only the public key.\n# public key: ${recipient}\n${identity}\n`);
  await handle.close();
  return recipient;
}

export async function contactsCommand(argv: string[], env: Record<string, string | undefined>, io: Output, cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    // https://nodejs.org/api/util.html#utilparseargsconfig
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { 'new-identity': { type: 'string' }, identity: { type: 'string' }, forget: { type: 'boolean' } },
    });
  } catch {
    io.err(USAGE);
    return 2;
  }
  const { values, positionals: words } = parsed;
  const created = values['new-identity'];
  if (created !== undefined) {
    if (!created || words.length > 0 || values.identity !== undefined || values.forget) {
      io.err(USAGE);
      return 2;
    }
    let recipient: string;
    try {
      recipient = await newIdentity(resolve(cwd, created));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      io.err(`${created} exists already; an identity is never overwritten. Choose another file.`);
      return 2;
    }
    io.out(`Identity written to ${created} (keep it private). Your public key, for JOIN_CONTACT_PUBLIC_KEY:\n${recipient}`);
    return 0;
  }
  const identityFile = values.identity;
  const forget = values.forget === true;
  const reference = words.length === 1 ? readReference(words[0]!) : undefined;
  if (!reference || identityFile === '') {
    io.err(USAGE);
    return 2;
  }
  const read = readJoinConfig(env, cwd);
  if (!read.ok) {
    io.err(read.message);
    return 2;
  }
  const { config } = read;
  const opened = await openJoinStore(config.storeName, env, config.mode === 'local-git' ? config.local.repoPath : cwd);
  try {
    const store = createApplicationStore(opened.store);
    if (forget) {
      await store.deleteContact(reference);
      io.out(`The contact details of ${reference} are deleted.`);
      return 0;
    }
    const armored = await store.getContact(reference);
    if (!armored) {
      io.err(`No contact details for ${reference} in ${opened.where}: check the reference, or they were deleted.`);
      return 1;
    }
    const file = identityFile ?? env.JOIN_CONTACT_IDENTITY ?? (config.mode === 'local-git' ? config.local.identityFile : undefined);
    if (!file) {
      io.err('Give your age identity file with --identity <file> (or JOIN_CONTACT_IDENTITY).');
      return 2;
    }
    const identities = identitiesIn(await readFile(resolve(cwd, file), 'utf8'));
    if (identities.length === 0) {
      io.err(`${file} holds no age identity (AGE-SECRET-KEY-1…).`);
      return 2;
    }
    let bundle;
    try {
      bundle = await decryptContact(armored, identities);
    } catch {
      io.err(`Your identity in ${file} cannot decrypt these details: they were encrypted to other editors' keys.`);
      return 1;
    }
    const { contact, consent } = bundle;
    io.out(`Application ${bundle.reference}, received ${bundle.received_at}`);
    io.out(`Name:    ${contact.name}`);
    io.out(`Email:   ${contact.email}`);
    if (contact.role) io.out(`Role:    ${contact.role}`);
    io.out(`Consent: given ${consent.given_at} (form in ${consent.lang})`);
    if (contact.message) io.out(`Message:\n${contact.message}`);
    return 0;
  } finally {
    await opened.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await contactsCommand(process.argv.slice(2), process.env, { out: (l) => console.log(l), err: (l) => console.error(l) });
}
