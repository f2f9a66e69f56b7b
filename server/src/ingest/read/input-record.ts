import type { Row } from '../mapping/row-reject.js';

/**
 * One record of an input file: a row to map, or a problem that rejects just this record (a CSV row with
 * the wrong number of cells, a JSON line that is not an object) while the file goes on.
 */
export type InputRecord =
  | { readonly line: number; readonly row: Row }
  | { readonly line: number; readonly problem: string; readonly field?: string };
