/**
 * Text split into lines (`\n`, `\r\n` or `\r`), numbered from 1, never holding more than `maxLength`
 * characters of one line: a file with no line break (a 2 GB line) stops with an error at the limit
 * instead of filling the memory.
 */
import { InputError } from './input-error.js';

export interface TextLine {
  readonly line: number;
  readonly text: string;
}

export async function* textLines(
  text: AsyncIterable<string>,
  maxLength: number,
  name: string,
): AsyncGenerator<TextLine> {
  let parts: string[] = [];
  let length = 0;
  let line = 1;
  let lastWasCr = false;
  const tooLong = () =>
    new InputError(
      name,
      line,
      `line longer than ${maxLength.toLocaleString('en-US')} characters (input.maxLineLength)`,
    );
  for await (const chunk of text) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 10 && lastWasCr && i === start && parts.length === 0 && length === 0) {
        // The \n of a \r\n split across chunks, or right after the \r: already ended the line.
        start = i + 1;
        lastWasCr = false;
        continue;
      }
      const piece = chunk.slice(start, i);
      if (length + piece.length > maxLength) throw tooLong();
      parts.push(piece);
      yield { line, text: parts.join('') };
      line++;
      parts = [];
      length = 0;
      lastWasCr = c === 13;
      start = i + 1;
      if (lastWasCr && chunk.charCodeAt(i + 1) === 10) {
        i++;
        start = i + 1;
        lastWasCr = false;
      }
    }
    if (start < chunk.length) {
      lastWasCr = false;
      const piece = chunk.slice(start);
      length += piece.length;
      if (length > maxLength) throw tooLong();
      parts.push(piece);
    }
  }
  if (length > 0) yield { line, text: parts.join('') };
}
