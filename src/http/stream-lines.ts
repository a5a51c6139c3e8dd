/**
 * A response body that pulls text lines from a generator and sends them in chunks of about
 * `chunkBytes`: the whole file never exists in memory, and a slow reader slows the generator
 * (the stream asks for more only when its queue has room). Netlify sends a `ReadableStream` body
 * as a streamed response, which is not held to the 6 MB cap of a buffered one
 * (https://docs.netlify.com/build/functions/get-started/#response-streaming).
 */
export function streamLines(lines: Iterator<string>, chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        let text = '';
        while (text.length < chunkBytes) {
          const next = lines.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            controller.close();
            return;
          }
          text += next.value;
        }
        controller.enqueue(encoder.encode(text));
      },
      cancel() {
        lines.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
