import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | bigint | boolean | readonly string[] | null | undefined;

/** Rows are buffered and written in chunks of about this many characters. */
const CHUNK = 1 << 20;
const ROWS_PER_STRINGIFY = 512;

/**
 * A CSV file of a case bundle, written as a stream: UTF-8, LF line ends, header first, a field quoted
 * only when it must be. Lists are joined with `;`; empty and missing values are empty cells.
 * `row` buffers; call `drain()` now and then so a big case never sits in memory.
 */
export class CsvWriter {
  private readonly stream: WriteStream;
  private pending: string[][] = [];
  private text = '';
  rows = 0;

  private constructor(
    readonly path: string,
    readonly header: readonly string[],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.pending.push([...header]);
  }

  static async open(path: string, header: readonly string[]): Promise<CsvWriter> {
    await mkdir(dirname(path), { recursive: true });
    return new CsvWriter(path, header);
  }

  /** One row, values in header order. */
  row(values: readonly Cell[]): void {
    if (values.length !== this.header.length) {
      throw new Error(`${this.path}: row has ${values.length} values for ${this.header.length} columns`);
    }
    this.pending.push(values.map(cell));
    this.rows++;
    if (this.pending.length >= ROWS_PER_STRINGIFY) this.stringifyPending();
  }

  /** One row from a record keyed by column name. */
  record(values: Readonly<Record<string, Cell>>): void {
    this.row(this.header.map((h) => values[h]));
  }

  /** Hands buffered text to the file and waits if the file is behind. */
  async drain(): Promise<void> {
    this.stringifyPending();
    if (this.text.length === 0) return;
    const ok = this.stream.write(this.text);
    this.text = '';
    if (!ok) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.drain();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  private stringifyPending(): void {
    if (this.pending.length === 0) return;
    this.text += stringify(this.pending, { record_delimiter: '\n' });
    this.pending = [];
    if (this.text.length >= CHUNK) {
      // Synchronous hand-off keeps order; `drain()` is where callers wait for the disk.
      this.stream.write(this.text);
      this.text = '';
    }
  }
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}
