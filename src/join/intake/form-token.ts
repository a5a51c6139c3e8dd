/**
 * The signed form token. The join page embeds a fresh one; a post without a valid token never
 * loaded the form (most spam), one sent within seconds of the page was filled by a machine, and
 * an old one belongs to a page left open too long.
 *
 *   v1.<issued at, ms, base 36>.<nonce, 16 random bytes>.<HMAC-SHA256 of the two>
 *
 * The token also names the application: its reference is derived from the nonce (with the same
 * secret), so a retried or double-clicked submission of one page carries one reference and is
 * recognised, and replaying a token can never create a second application.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const MIN_FILL_MS = 3_000;
export const MAX_TOKEN_AGE_MS = 24 * 60 * 60 * 1000;
/** Clocks of two function instances may disagree a little. */
const CLOCK_SKEW_MS = 60_000;

export interface FormTokenSettings {
  secret: string;
  minFillMs?: number;
  maxAgeMs?: number;
}

export type TokenCheck = { ok: true; reference: string; issuedAt: Date } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'too_fast' };

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest();

export function issueFormToken(secret: string, now: Date, random: (size: number) => Uint8Array = randomBytes): string {
  const issued = now.getTime().toString(36);
  const nonce = Buffer.from(random(16)).toString('base64url');
  const signature = mac(secret, `join-form-token.v1.${issued}.${nonce}`).toString('base64url');
  return `v1.${issued}.${nonce}.${signature}`;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function crockford(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** `7KQ2-M9X4-T1B8-C3D5`: 80 bits, unguessable, easy to read out on the phone. */
export function referenceFor(secret: string, nonce: string): string {
  const code = crockford(mac(secret, `join-reference.v1.${nonce}`), 16);
  return code.match(/.{4}/g)!.join('-');
}

export function verifyFormToken(token: string, settings: FormTokenSettings, now: Date): TokenCheck {
  const match = /^v1\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, issued, nonce, signature] = match as unknown as [string, string, string, string];
  const expected = mac(settings.secret, `join-form-token.v1.${issued}.${nonce}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  const issuedAt = new Date(parseInt(issued, 36));
  const age = now.getTime() - issuedAt.getTime();
  if (age < -CLOCK_SKEW_MS || age > (settings.maxAgeMs ?? MAX_TOKEN_AGE_MS)) return { ok: false, reason: 'expired' };
  if (age < (settings.minFillMs ?? MIN_FILL_MS)) return { ok: false, reason: 'too_fast' };
  return { ok: true, reference: referenceFor(settings.secret, nonce), issuedAt };
}

/** The issue time of a well-formed token, signed or not: the page uses it to decide whether to re-issue. */
export function tokenIssuedAt(token: string): Date | undefined {
  const match = /^v1\.([0-9a-z]{1,12})\./.exec(token);
  return match ? new Date(parseInt(match[1]!, 36)) : undefined;
}
