/**
 * A file that cannot be read on (not the encoding it claims, a truncated gzip, a line past the limit,
 * no header, a column the mapping needs missing): the rest of the file is not loaded. The message names
 * the file, the line when known, and what is wrong.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
    /** Raised below the text (a gzip stream): the decoder fills in the line it had reached. */
    readonly locate = false,
  ) {
    super(`${file}${line === undefined ? '' : ` line ${line}`}: ${reason}`);
    this.name = 'InputError';
  }
}

/** Where a reader reports the bytes it has taken from the file (compressed bytes for a gzip): progress. */
export type OnBytes = (bytes: number) => void;
