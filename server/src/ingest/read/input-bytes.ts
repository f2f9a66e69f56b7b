/**
 * The bytes of an input file, streamed: gunzipped when the file starts with the gzip magic (whatever its
 * name), refused when empty or when it is a ZIP (a spreadsheet) rather than text. Never more than one
 * chunk in memory.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError, type OnBytes } from './input-error.js';

const CHUNK = 256 * 1024;

function zlibReason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message ?? '')) {
    return 'the gzip stream is truncated (the file ends before the compressed data does)';
  }
  return `the gzip stream is corrupt: ${e.message ?? String(error)}`;
}

export async function* inputBytes(path: string, name: string, onBytes?: OnBytes): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: CHUNK });
  const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let gunzip: ReturnType<typeof createGunzip> | undefined;
  try {
    let first: IteratorResult<Buffer>;
    try {
      first = await chunks.next();
    } catch (e) {
      throw new InputError(name, undefined, `cannot be read: ${(e as Error).message}`);
    }
    if (first.done || first.value.length === 0) throw new InputError(name, undefined, 'the file is empty');
    const head = first.value;
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
      throw new InputError(name, undefined, 'is a ZIP archive (a spreadsheet?): export it as CSV or JSON Lines');
    }
    onBytes?.(head.length);
    async function* rest(): AsyncGenerator<Buffer> {
      yield head;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        onBytes?.(next.value.length);
        yield next.value;
      }
    }
    if (head[0] !== 0x1f || head[1] !== 0x8b) {
      yield* rest();
      return;
    }
    const compressed = Readable.from(rest());
    gunzip = createGunzip();
    const out = gunzip;
    compressed.on('error', (e) => out.destroy(e));
    compressed.pipe(out);
    let any = false;
    try {
      for await (const chunk of out as AsyncIterable<Buffer>) {
        any = true;
        yield chunk;
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(name, undefined, zlibReason(e), true);
    }
    if (!any) throw new InputError(name, undefined, 'the gzip file holds nothing');
  } finally {
    gunzip?.destroy();
    file.destroy();
  }
}
