import type { Flag } from '../../domain/facts/flag.js';

export interface Origin {
  /** Path inside the bundle, e.g. `links/CALLED.csv`. */
  readonly file: string;
  readonly line: number;
}

export type FileFlag = Flag & Origin;
export interface Reject extends Origin {
  readonly field?: string;
  readonly reason: string;
}

/**
 * Flags (kept but not normalised) and rejects (not loaded) of one load, with where they came from.
 * Kept up to a cap so a file of a million bad rows cannot exhaust memory; the rest are counted.
 */
export class Issues {
  readonly flags: FileFlag[] = [];
  readonly rejects: Reject[] = [];
  flagsOmitted = 0;
  rejectsOmitted = 0;
  private readonly rejectedByFile = new Map<string, number>();

  constructor(private readonly max: number) {}

  flag(origin: Origin, flag: Flag, field = flag.field): void {
    if (this.flags.length < this.max) this.flags.push({ ...flag, field, file: origin.file, line: origin.line });
    else this.flagsOmitted++;
  }

  reject(origin: Origin, reason: string, field?: string): void {
    this.rejectedByFile.set(origin.file, (this.rejectedByFile.get(origin.file) ?? 0) + 1);
    if (this.rejects.length < this.max) {
      this.rejects.push({ file: origin.file, line: origin.line, ...(field !== undefined && { field }), reason });
    } else this.rejectsOmitted++;
  }

  rejectedIn(file: string): number {
    return this.rejectedByFile.get(file) ?? 0;
  }
}
