/**
 * CSV rows as objects keyed by column name: any delimiter (sniffed from the header when `auto`), quoted
 * fields, a byte-order mark, banner lines skipped, a record size limit. Reuses the case bundle's csv-parse
 * reader (csvRecords) for the line arithmetic. A row with the wrong number of cells is a row problem; a
 * broken file (an unclosed quote, a record past the limit) stops the file.
 */
import { Readable } from 'node:stream';
import { csvRecords, CsvSyntaxError } from '../case-bundle/csv-records.js';
import type { InputSpec } from '../mapping/mapping-schema.js';
import { InputError } from './input-error.js';
import type { InputRecord } from './input-record.js';

const CANDIDATES = [',', ';', '\t', '|'];

/** The delimiter that splits a header line most often outside quotes; a comma when none does. */
export function sniffDelimiter(line: string, quote = '"'): string {
  const counts = new Map(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === quote) quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c;
  return best;
}

/** Reads text until the first line `skip` lines in is complete (bounded), to sniff from; returns it and the rest. */
async function peekLine(text: AsyncIterator<string>, skip: number, max: number, name: string) {
  let buffered = '';
  for (;;) {
    const lines = buffered.split(/\r\n|\r|\n/);
    if (lines.length > skip + 1) return { line: lines[skip]!, buffered };
    if (buffered.length > max * (skip + 1)) {
      throw new InputError(
        name,
        skip + 1,
        `line longer than ${max.toLocaleString('en-US')} characters (input.maxLineLength)`,
      );
    }
    const next = await text.next();
    if (next.done) return { line: lines[skip] ?? '', buffered };
    buffered += next.value;
  }
}

/** Header names: trimmed; a blank one is `column <n>`; a repeated one stops the file. */
function headerNames(cells: readonly string[], name: string, line: number): string[] {
  const seen = new Set<string>();
  return cells.map((raw, i) => {
    const header = raw.trim() || `column ${i + 1}`;
    if (seen.has(header)) throw new InputError(name, line, `column "${header}" appears twice in the header`);
    seen.add(header);
    return header;
  });
}

export async function* csvInput(
  text: AsyncIterable<string>,
  input: InputSpec,
  name: string,
  /** Called with the header (or the mapping's columns) before the first row: may refuse the file. */
  onHeader: (columns: string[], line: number) => string[],
): AsyncGenerator<InputRecord> {
  // An error from below (bad bytes, a truncated gzip) ends the text cleanly, remembered in `stopped`:
  // csv-parse then hands over every row before it, and the error is thrown after them.
  let stopped: unknown;
  const upstream = text[Symbol.asyncIterator]();
  const iterator: AsyncIterator<string> = {
    async next() {
      if (stopped) return { done: true, value: undefined };
      try {
        return await upstream.next();
      } catch (e) {
        stopped = e;
        return { done: true, value: undefined };
      }
    },
  };
  const { line, buffered } = await peekLine(iterator, input.skipLines, input.maxLineLength, name);
  const delimiter = input.delimiter === 'auto' ? sniffDelimiter(line, input.quote) : input.delimiter;
  // Complete lines only: when the text stops early, the line cut in two is never parsed as a row.
  async function* all() {
    let carry = buffered;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      carry += next.value;
      const cut = carry.lastIndexOf('\n');
      if (cut >= 0) {
        yield carry.slice(0, cut + 1);
        carry = carry.slice(cut + 1);
      }
    }
    if (stopped) {
      const cut = carry.lastIndexOf('\n');
      carry = cut < 0 ? '' : carry.slice(0, cut + 1);
    }
    if (carry !== '') yield carry;
  }
  let columns: string[] | undefined = input.header ? undefined : onHeader([...input.columns!], input.skipLines + 1);
  try {
    for await (const record of csvRecords(Readable.from(all()), {
      delimiter: delimiter.replace(/\\t/g, '\t'),
      quote: input.quote,
      ...(input.escape !== undefined && { escape: input.escape }),
      ...(input.comment !== undefined && { comment: input.comment }),
      fromLine: input.skipLines + 1,
      maxRecordSize: input.maxLineLength,
      keepRowsBeforeError: true,
    })) {
      if (!columns) {
        columns = onHeader(headerNames(record.cells, name, record.line), record.line);
        continue;
      }
      if (record.cells.length !== columns.length) {
        yield {
          line: record.line,
          problem: `expected ${columns.length} cells as in the header, got ${record.cells.length}`,
        };
        continue;
      }
      const row: Record<string, string> = {};
      for (let i = 0; i < columns.length; i++) row[columns[i]!] = record.cells[i]!;
      yield { line: record.line, row };
    }
  } catch (e) {
    if (stopped) throw stopped; // the real cause of a record cut short
    if (!(e instanceof CsvSyntaxError)) throw e;
    const reason =
      e.code === 'CSV_MAX_RECORD_SIZE'
        ? `record longer than ${input.maxLineLength.toLocaleString('en-US')} characters (input.maxLineLength)`
        : e.message;
    throw new InputError(name, e.line, reason);
  }
  if (stopped) throw stopped;
  if (!columns) throw new InputError(name, input.skipLines + 1, 'no header row (the file holds no CSV records)');
}
