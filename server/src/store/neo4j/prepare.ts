/**
 * Write batches checked against the model and turned into statement rows, before anything reaches the
 * database. Kinds, types, endpoints and property names come from the model only, so the labels spliced
 * into statements can never come from a request.
 */
import { invalidArgument } from '../../domain/errors.js';
import type { EntityWrite, LinkWrite, Properties } from '../../domain/graph.js';
import {
  assertEndpointsAllowed,
  kindOf,
  kindOfId,
  propertyOf,
  relationshipOf,
  type KindDef,
  type RelationshipDef,
} from '../../domain/model/index.js';
import { formatSourceRef } from '../../domain/provenance.js';
import { propertyIn } from './values.js';

export interface EntityRow {
  readonly id: string;
  readonly props: Record<string, unknown>;
  readonly times: Record<string, string>;
  readonly caption: string;
  readonly searchText: string;
  readonly sources: string[];
}

export interface LinkRow {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, unknown>;
  readonly times: Record<string, string>;
  readonly sources: string[];
}

/** Rows for one statement: one kind (or type and endpoint pair), each id at most once. */
export interface RowGroup<R> {
  /** `[kind]` or `[type, fromKind, toKind]`. */
  readonly key: readonly string[];
  readonly rows: R[];
}

/**
 * Plain values and temporal ISO strings of a write. A property absent or null keeps its stored value:
 * the domain drops empty values before writing, and an upsert never erases what another source said.
 */
function splitProperties(owner: KindDef | RelationshipDef, properties: Properties, where: string) {
  const props: Record<string, unknown> = {};
  const times: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties ?? {})) {
    const def = propertyOf(owner, name);
    if (value === null || value === undefined) continue;
    const converted = propertyIn(`${where}.${name}`, def, value);
    if (def.type === 'date' || def.type === 'datetime') times[name] = converted as string;
    else props[name] = converted;
  }
  return { props, times };
}

export function entityRow(write: EntityWrite): { kind: string; row: EntityRow } {
  const kind = kindOf(write.kind);
  if (typeof write.id !== 'string' || kindOfId(write.id).name !== kind.name) {
    throw invalidArgument('id', `"${write.id}" is not an id of kind ${kind.name} (expected ${kind.idPrefix}:<key>)`);
  }
  if (typeof write.caption !== 'string' || typeof write.searchText !== 'string') {
    throw invalidArgument('entity', `${write.id} needs caption and searchText strings`);
  }
  return {
    kind: kind.name,
    row: {
      id: write.id,
      ...splitProperties(kind, write.properties, kind.name),
      caption: write.caption,
      searchText: write.searchText,
      sources: [formatSourceRef(write.source)],
    },
  };
}

export function linkRow(write: LinkWrite): { key: [string, string, string]; row: LinkRow } {
  const rel = relationshipOf(write.type);
  if (typeof write.id !== 'string' || !write.id.startsWith(`link:${rel.name}:`)) {
    throw invalidArgument('id', `"${write.id}" is not a link id of type ${rel.name} (expected link:${rel.name}:<hash>)`);
  }
  const fromKind = kindOfId(write.from).name;
  const toKind = kindOfId(write.to).name;
  assertEndpointsAllowed(rel.name, fromKind, toKind);
  return {
    key: [rel.name, fromKind, toKind],
    row: {
      id: write.id,
      from: write.from,
      to: write.to,
      ...splitProperties(rel, write.properties, rel.name),
      sources: [formatSourceRef(write.source)],
    },
  };
}

/**
 * Groups rows by statement, in rounds: the n-th write of an id goes to round n. Each statement then sees
 * an id once, and the rounds run in order, so repeated writes in one batch count exactly as if they had
 * come in separate batches.
 */
export function groupInRounds<R extends { id: string }>(items: ReadonlyArray<{ key: readonly string[]; row: R }>) {
  const seen = new Map<string, number>();
  const groups = new Map<string, { round: number; key: readonly string[]; rows: R[] }>();
  for (const { key, row } of items) {
    const round = seen.get(row.id) ?? 0;
    seen.set(row.id, round + 1);
    const name = `${round}\u0000${key.join('\u0000')}`;
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { round, key, rows: [] }));
    group.rows.push(row);
  }
  return [...groups.values()]
    .sort((a, b) => a.round - b.round)
    .map(({ key, rows }): RowGroup<R> => ({ key, rows }));
}
