/**
 * A streamed answer (the import endpoint's NDJSON) has no length until it ends: its body is passed
 * through as it is sent, counting bytes and keeping the last line, and the entry is recorded when the
 * stream ends (or the client goes away). Its last line says how the import ended.
 */
const KEEP = 64 * 1024;

export interface BodyEnd {
  readonly bytes: number;
  /** The last non-empty line sent (at most 64 KiB of it), for the outcome of an NDJSON answer. */
  readonly lastLine: string;
  /** The client went away before the end. */
  readonly aborted: boolean;
}

export function countedBody(body: ReadableStream<Uint8Array>, onEnd: (end: BodyEnd) => void): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  let bytes = 0;
  let tail = '';
  let ended = false;
  const end = (aborted: boolean) => {
    if (ended) return;
    ended = true;
    const lines = tail.trimEnd().split('\n');
    onEnd({ bytes, lastLine: lines[lines.length - 1] ?? '', aborted });
  };
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          end(false);
          return;
        }
        bytes += value.byteLength;
        tail = (tail + decoder.decode(value, { stream: true })).slice(-KEEP);
        controller.enqueue(value);
      } catch (error) {
        end(true);
        controller.error(error);
      }
    },
    async cancel(reason) {
      end(true);
      await reader.cancel(reason);
    },
  });
}
