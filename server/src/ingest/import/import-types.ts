/** What an import reports, as it goes (events) and at the end (the summary). Plain JSON data throughout. */
import type { WriteCounts } from '../../store/port.js';

export interface ImportReject {
  readonly file: string;
  readonly line: number;
  readonly field?: string;
  readonly reason: string;
}

export interface ImportFlag {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly value: string;
  readonly reason: string;
}

export type FileStatus = 'loaded' | 'already loaded' | 'failed' | 'interrupted';

export interface FileOutcome {
  readonly name: string;
  readonly sha256: string;
  readonly status: FileStatus;
  /** Records read (a CSV header and blank lines not counted). */
  readonly rows: number;
  readonly rejected: number;
  readonly flagged: number;
  /** Why the file stopped (failed), or when and by which run it was loaded before (already loaded). */
  readonly note?: string;
  /** Written as a bulk load (`fast`: COPY of staged files on the embedded engine). */
  readonly bulk?: boolean;
}

export interface ImportSummary {
  /** The run that loaded (or would resume); absent when every file was loaded before, or in a dry run. */
  readonly run?: string;
  readonly resumed: boolean;
  readonly dryRun: boolean;
  readonly mapping: string;
  readonly files: readonly FileOutcome[];
  readonly rows: number;
  readonly entities: WriteCounts;
  readonly links: WriteCounts;
  readonly rejected: number;
  readonly flagged: number;
  readonly seconds: number;
}

export type ImportEvent =
  | {
      readonly type: 'start';
      readonly run?: string;
      readonly resumed: boolean;
      readonly files: number;
      readonly bytes: number;
    }
  | { readonly type: 'file'; readonly name: string; readonly sha256: string; readonly bytes: number }
  | { readonly type: 'progress'; readonly name: string; readonly rows: number; readonly bytes: number }
  | ({ readonly type: 'reject' } & ImportReject)
  | ({ readonly type: 'flag' } & ImportFlag)
  | { readonly type: 'file-done'; readonly outcome: FileOutcome };

export { addCounts, zeroCounts } from '../../store/port.js';

export const subtractCounts = (a: WriteCounts, b: WriteCounts): WriteCounts => ({
  created: a.created - b.created,
  updated: a.updated - b.updated,
  unchanged: a.unchanged - b.unchanged,
});
