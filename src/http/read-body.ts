/**
 * Reading a request body with a size limit, before anything parses it: the declared
 * Content-Length is checked first (413 without reading), then the stream is counted as it
 * arrives and abandoned as soon as it passes the limit, so an oversized or lying client never
 * makes the function buffer more than `limit` bytes.
 */
export type BodyRead = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'unreadable' };

export async function readBodyText(request: Request, limit: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) return { ok: false, reason: 'too_large' };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined); // the client may already be gone; nothing to report
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' }; // connection dropped mid-body: no request to answer
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // Invalid UTF-8 becomes U+FFFD rather than an exception: the validators then see odd text, not a crash.
  return { ok: true, text: new TextDecoder('utf-8', { fatal: false }).decode(bytes) };
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}
