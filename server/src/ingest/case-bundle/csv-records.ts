import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  readonly line: number;
  readonly cells: string[];
}

/** The file stopped being CSV (an unclosed quote...): the rest of it cannot be read. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
    /** csv-parse's code, e.g. CSV_QUOTE_NOT_CLOSED, CSV_MAX_RECORD_SIZE. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Dialect options (the case bundle uses the defaults: RFC 4180 with a comma). */
export interface CsvReadOptions {
  readonly delimiter?: string;
  readonly quote?: string;
  readonly escape?: string;
  readonly comment?: string;
  /** First line to read (1-based): lines before it (an export's banner) are skipped. */
  readonly fromLine?: number;
  /** Most characters of one record; past it the file stops with a CsvSyntaxError (code CSV_MAX_RECORD_SIZE). */
  readonly maxRecordSize?: number;
  /**
   * On a syntax error, first yield every record before it (csv-parse would drop those it had parsed but
   * not yet handed over), stop reading the input, then throw. The importer keeps those rows.
   */
  readonly keepRowsBeforeError?: boolean;
}

const LINE_BREAKS = /\r\n|\r|\n/g;
const CRLF = /\r\n/g;

function count(text: string, pattern: RegExp): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/**
 * Records of a CSV stream with the line each starts on. Rows may have any number of cells (the caller
 * checks them against the header), blank lines are skipped, a byte-order mark is dropped.
 *
 * Why the arithmetic: csv-parse's `info.lines` is the line a record ends on, but it counts a CR LF
 * inside a quoted field as two lines, and the surplus carries over to every later record. We count
 * the breaks inside the record's own fields to get its first line and undo that surplus.
 */
export async function* csvRecords(input: Readable, options: CsvReadOptions = {}): AsyncGenerator<CsvRecord> {
  const parser = input.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
      ...(options.quote !== undefined && { quote: options.quote }),
      ...(options.escape !== undefined && { escape: options.escape }),
      ...(options.comment !== undefined && { comment: options.comment }),
      ...(options.fromLine !== undefined && { from_line: options.fromLine }),
      ...(options.maxRecordSize !== undefined && { max_record_size: options.maxRecordSize }),
      ...(options.keepRowsBeforeError && { skip_records_with_error: true }),
    }),
  );
  input.on('error', (e) => parser.destroy(e));
  // The first syntax error, caught as csv-parse skips it: the input stops, what was parsed flows out.
  let failure: { error: unknown; lines: number | undefined } | undefined;
  parser.on('skip', (error: { lines?: unknown }) => {
    if (failure) return;
    failure = { error, lines: typeof error.lines === 'number' ? error.lines : undefined };
    input.unpipe(parser);
    input.destroy();
    parser.end();
  });
  let surplus = 0;
  let lastLine = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      let breaks = 0;
      let crlf = 0;
      for (const cell of record) {
        if (cell.includes('\n') || cell.includes('\r')) {
          breaks += count(cell, LINE_BREAKS);
          crlf += count(cell, CRLF);
        }
      }
      surplus += crlf;
      const end = info.lines - surplus;
      if (failure && failure.lines !== undefined && info.lines >= failure.lines) break;
      lastLine = end;
      yield { line: end - breaks, cells: record };
    }
    if (failure) throw failure.error;
  } catch (error) {
    const e = error as { message?: string; lines?: unknown };
    const line = typeof e.lines === 'number' ? e.lines - surplus : lastLine + 1;
    throw new CsvSyntaxError(line, `not valid CSV: ${e.message ?? String(error)}`, (error as { code?: string }).code);
  }
}
