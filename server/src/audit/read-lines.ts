import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface TrailLine {
  /** From 1. */
  readonly number: number;
  readonly text: string;
  /** False for a last line with no newline after it (cut, or torn by a crash mid-write). */
  readonly complete: boolean;
}

/** The lines of the first `size` bytes of a file, streamed (a trail of millions of entries is never held whole). */
export async function* readLines(path: string, size: number): AsyncGenerator<TrailLine> {
  if (size === 0) return;
  const lines = createInterface({ input: createReadStream(path, { start: 0, end: size - 1 }), crlfDelay: Infinity });
  let consumed = 0;
  let number = 0;
  for await (const text of lines) {
    consumed += Buffer.byteLength(text) + 1;
    yield { number: ++number, text, complete: consumed <= size };
  }
}
