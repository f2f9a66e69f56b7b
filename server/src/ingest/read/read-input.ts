/**
 * The records of one input file as the mapping's `input` describes it: bytes (gunzipped when gzip),
 * decoded strictly, then CSV, JSON Lines or a YAML sequence. Streamed end to end: memory holds a chunk
 * and one record, whatever the file's size.
 */
import type { InputSpec } from '../mapping/mapping-schema.js';
import { csvInput } from './csv-input.js';
import { decodedText } from './decode-text.js';
import { inputBytes } from './input-bytes.js';
import type { OnBytes } from './input-error.js';
import type { InputRecord } from './input-record.js';
import { jsonlInput } from './jsonl-input.js';
import { textLines } from './text-lines.js';
import { yamlSeqInput } from './yaml-seq-input.js';

export interface ReadInputOptions {
  /** File on disk. */
  readonly path: string;
  /** Name in messages and rejects (the path as given, or an upload's name). */
  readonly name: string;
  readonly input: InputSpec;
  readonly onBytes?: OnBytes;
  /** CSV only: the header (or configured columns), before any row; returns the names rows are keyed by. */
  readonly onHeader?: (columns: string[], line: number) => string[];
}

export function readInput(o: ReadInputOptions): AsyncGenerator<InputRecord> {
  const text = decodedText(inputBytes(o.path, o.name, o.onBytes), o.input.encoding, o.name);
  switch (o.input.format) {
    case 'csv':
      return csvInput(text, o.input, o.name, o.onHeader ?? ((c) => c));
    case 'jsonl':
      return jsonlInput(textLines(text, o.input.maxLineLength, o.name));
    case 'yaml-seq':
      return yamlSeqInput(textLines(text, o.input.maxLineLength, o.name), o.input.maxLineLength, o.name);
  }
}
