/**
 * Every hand edit is recorded as a source of its own, like a file an import loads: a SourceFile entity
 * `source:<sha256>` where the hash is that of the canonical edit record `{ op, caller, at, input }`, with
 * basis `manual`, name `edit by <caller>`, loadedBy the caller and loadedAt the time. The fact the edit
 * asserts cites it as `<sha256>#edit:1`, so `provenance(id)` answers "entered by <caller> at <time>".
 * The same record (same caller, same instant, same input) hashes the same: recording it twice is one file.
 */
import { prepareEntity } from '../facts/prepare-entity.js';
import type { EntityWrite, SourceRef } from '../graph.js';
import { sha256Hex } from '../provenance.js';

/** Locator of the fact an edit asserts, inside the edit's record. */
export const EDIT_LOCATOR = 'edit:1';
/** Locator of a SourceFile entity's own provenance: the record as a whole (as the importer's `file`). */
const WHOLE_RECORD = 'file';
/** Longest value quoted in a record's title: titles say what changed, they do not archive documents. */
const MAX_QUOTED = 80;

export type EditOp = 'createEntity' | 'updateEntity' | 'linkEntities' | 'removeLink' | 'removeEntity';

export interface EditRecord {
  readonly op: EditOp;
  readonly caller: string;
  /** ISO 8601 UTC. */
  readonly at: string;
  /** The edit's arguments as the caller gave them (JSON). */
  readonly input: unknown;
}

/** JSON with object keys sorted at every level, so equal records hash equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** A value as a title quotes it: JSON, cut at MAX_QUOTED characters. */
export function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}...` : text;
}

export interface RecordedEdit {
  /** What the edited fact cites: `<sha256>#edit:1`. */
  readonly ref: SourceRef;
  /** The record as an entity to write with the fact. */
  file(title: string): EntityWrite;
}

export function recordEdit(record: EditRecord): RecordedEdit {
  const sha256 = sha256Hex(canonicalJson(record));
  return {
    ref: { sha256, locator: EDIT_LOCATOR },
    file: (title) =>
      prepareEntity(
        {
          kind: 'SourceFile',
          properties: {
            sha256,
            name: `edit by ${record.caller}`,
            title,
            basis: 'manual',
            loadedAt: record.at,
            loadedBy: record.caller,
          },
        },
        { sha256, locator: WHOLE_RECORD },
      ).write,
  };
}
