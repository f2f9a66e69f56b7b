/**
 * The reject file of an import: one CSV row per rejected record (and per value kept but flagged), with
 * the file, the line, the field and the reason, written as they come (never held in memory). Created only
 * when there is something to write.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { stringify } from 'csv-stringify';
import type { ImportEvent } from '../../ingest/import/index.js';

export const REJECT_COLUMNS = ['outcome', 'file', 'line', 'field', 'value', 'reason'] as const;

export class RejectFile {
  private csv: ReturnType<typeof stringify> | undefined;
  private out: WriteStream | undefined;
  rejected = 0;
  flagged = 0;

  constructor(private readonly path: () => string) {}

  get written(): string | undefined {
    return this.out ? this.out.path.toString() : undefined;
  }

  onEvent(e: ImportEvent): void {
    if (e.type !== 'reject' && e.type !== 'flag') return;
    if (!this.csv) {
      this.out = createWriteStream(this.path());
      this.csv = stringify({ header: true, columns: [...REJECT_COLUMNS] });
      this.csv.pipe(this.out);
    }
    if (e.type === 'reject') this.rejected++;
    else this.flagged++;
    this.csv.write({
      outcome: e.type === 'reject' ? 'rejected' : 'flagged',
      file: e.file,
      line: e.line,
      field: e.field ?? '',
      value: e.type === 'flag' ? e.value : '',
      reason: e.reason,
    });
  }

  async close(): Promise<void> {
    if (!this.csv || !this.out) return;
    const out = this.out;
    const finished = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    this.csv.end();
    await finished;
  }
}
