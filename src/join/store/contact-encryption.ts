/**
 * Applicants' contact details are personal data and the content repository is public. They are
 * encrypted, as soon as the request is validated, with age (https://age-encryption.org/v1, npm
 * `age-encryption`) to the editors' public keys, and only the armored ciphertext is stored — in
 * Netlify Blobs, never in Git, never in a pull request, never in a log. The server cannot read
 * them back: only an editor's identity (`AGE-SECRET-KEY-1…`) can, through `npm run join:contacts`.
 *
 * Several editors may each hold their own identity: JOIN_CONTACT_PUBLIC_KEY takes a list of
 * recipients separated by commas or spaces, and every one of them can decrypt.
 */
import { constants } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { armor, Decrypter, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import type { JoinContact, JoinLocale } from '../../schema/join.ts';

export interface ContactBundle {
  reference: string;
  received_at: string;
  contact: JoinContact;
  /** When and in which language the applicant agreed that editors keep these details. */
  consent: { given_at: string; lang: JoinLocale };
}

export class RecipientError extends Error {}

/** Splits and checks a recipients setting; throws `RecipientError` naming the bad one. */
export function parseRecipients(setting: string): string[] {
  const recipients = setting.split(/[\s,]+/).filter(Boolean);
  if (recipients.length === 0) throw new RecipientError('no age recipient given');
  for (const r of recipients) {
    try {
      new Encrypter().addRecipient(r);
    } catch (error) {
      throw new RecipientError(`"${r.slice(0, 12)}…" is not an age recipient (age1…)`, { cause: error });
    }
  }
  return recipients;
}

export async function encryptContact(bundle: ContactBundle, recipients: readonly string[]): Promise<string> {
  const encrypter = new Encrypter();
  for (const r of recipients) encrypter.addRecipient(r);
  return armor.encode(await encrypter.encrypt(JSON.stringify(bundle)));
}

export async function decryptContact(armored: string, identities: readonly string[]): Promise<ContactBundle> {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  return JSON.parse(await decrypter.decrypt(armor.decode(armored), 'text')) as ContactBundle;
}

/** The `AGE-SECRET-KEY-1…` lines of an identity file, as `age-keygen` writes it (comments allowed). */
export function identitiesIn(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('AGE-SECRET-KEY-'));
}

/**
 * The embedded default's key pair: with no JOIN_CONTACT_PUBLIC_KEY, a local run encrypts to an
 * identity it creates once in `.netlify/` (git-ignored), which `npm run join:contacts` reads by
 * default. Creation is exclusive, so two functions starting together agree on one identity.
 */
export async function ensureLocalIdentity(file: string): Promise<{ recipient: string; created: boolean }> {
  try {
    const text = await readFile(file, 'utf8');
    const identity = identitiesIn(text)[0];
    if (identity) return { recipient: await identityToRecipient(identity), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  try {
    const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    await handle.writeFile(`# Local editor identity for join applications (embedded default; not for production).\n# public key: ${recipient}\n${identity}\n`);
    await handle.close();
    return { recipient, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return ensureLocalIdentity(file); // another process created it first: use theirs
  }
}
