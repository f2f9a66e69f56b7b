/**
 * Bytes to text in the mapping's encoding, strictly: a byte sequence that is not valid in it stops the
 * file with the line where it happened, instead of loading mojibake or U+FFFD into the graph.
 */
import { InputError } from './input-error.js';

const BREAK = /\n/g;

const countLines = (text: string) => (text.match(BREAK) ?? []).length;

export async function* decodedText(
  bytes: AsyncIterable<Buffer>,
  encoding: string,
  name: string,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const utf8 = decoder.encoding === 'utf-8';
  let lines = 0;
  let first = true;
  try {
    for await (const chunk of bytes) {
      if (first && utf8 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        throw new InputError(
          name,
          1,
          'is UTF-16 text (it starts with a UTF-16 byte-order mark): set input.encoding to utf-16le',
        );
      }
      first = false;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // The lines before the bad byte are good: hand them on, then stop at the line that holds it.
        const { prefix, line } = beforeFailure(chunk, encoding, lines);
        if (prefix !== '') yield prefix;
        const hint = utf8 ? ': set input.encoding in the mapping (windows-1251, latin1...)' : '';
        throw new InputError(name, line, `not valid ${decoder.encoding}${hint}`);
      }
      lines += countLines(text);
      if (text !== '') yield text;
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new InputError(name, lines + 1, `not valid ${decoder.encoding}: the file ends inside a character`);
    }
    if (tail !== '') yield tail;
  } catch (e) {
    // Errors from below (a truncated gzip) know no line: the text decoded so far does.
    if (e instanceof InputError && e.locate) throw new InputError(e.file, lines + 1, e.reason);
    throw e;
  }
}

/** The complete lines of a chunk before its first undecodable byte (found by decoding it leniently). */
function beforeFailure(chunk: Buffer, encoding: string, linesBefore: number): { prefix: string; line: number } {
  const text = new TextDecoder(encoding).decode(chunk);
  const at = text.indexOf('\ufffd');
  const good = at < 0 ? '' : text.slice(0, at);
  const lastBreak = good.lastIndexOf('\n');
  const prefix = lastBreak < 0 ? '' : good.slice(0, lastBreak + 1);
  return { prefix, line: linesBefore + 1 + countLines(good) };
}
