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
import { sourceIn } from '../arguments.js';
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

/** Rows for one statement: one kind (or type and endpoint pair), each id once. */
export interface RowGroup<R> {
  /** `[kind]` or `[type, fromKind, toKind]`. */
  readonly key: readonly string[];
  readonly rows: R[];
}

/**
 * Plain values and temporal ISO strings of a write. A property absent, null or an empty list keeps its
 * stored value: an upsert never erases what another source said (the embedded adapter does the same).
 */
function splitProperties(owner: KindDef | RelationshipDef, id: string, properties: Properties) {
  if (properties === null || typeof properties !== 'object') {
    throw invalidArgument('properties', `${id}: properties must be an object`);
  }
  const props: Record<string, unknown> = {};
  const times: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    const def = propertyOf(owner, name);
    const converted = propertyIn(`${owner.name}.${name} of ${id}`, def, value);
    if (converted === null) continue;
    if (def.type === 'date' || def.type === 'datetime') times[name] = converted as string;
    else props[name] = converted;
  }
  return { props, times };
}

const addSources = (into: string[], more: readonly string[]) => {
  for (const s of more) if (!into.includes(s)) into.push(s);
};

function entityRow(write: EntityWrite): { kind: string; row: EntityRow } {
  const kind = kindOf(write.kind);
  if (typeof write.id !== 'string' || kindOfId(write.id).name !== kind.name) {
    throw invalidArgument('id', `"${write.id}" is not an id of kind ${kind.name} (expected ${kind.idPrefix}:<key>)`);
  }
  if (typeof write.caption !== 'string' || typeof write.searchText !== 'string') {
    throw invalidArgument('entity', `${write.id}: caption and searchText must be strings`);
  }
  return {
    kind: kind.name,
    row: {
      id: write.id,
      ...splitProperties(kind, write.id, write.properties),
      caption: write.caption,
      searchText: write.searchText,
      sources: [sourceIn(`source of ${write.id}`, write.source)],
    },
  };
}

function linkRow(write: LinkWrite): { key: [string, string, string]; row: LinkRow } {
  const rel = relationshipOf(write.type);
  const prefix = `link:${rel.name}:`;
  if (typeof write.id !== 'string' || !write.id.startsWith(prefix) || write.id.length <= prefix.length) {
    throw invalidArgument(
      'id',
      `"${write.id}" is not a link id of type ${rel.name} (expected link:${rel.name}:<hash>)`,
    );
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
      ...splitProperties(rel, write.id, write.properties),
      sources: [sourceIn(`source of ${write.id}`, write.source)],
    },
  };
}

/**
 * Entity rows by kind. A fact written several times in one batch is one fact: sources united in order,
 * later property values win (nulls never overwrite), later caption and search text win. Counts are then
 * per distinct fact, as on the embedded engine.
 */
export function entityGroups(writes: readonly EntityWrite[]): RowGroup<EntityRow>[] {
  const byId = new Map<string, { kind: string; row: EntityRow }>();
  for (const w of writes) {
    const next = entityRow(w);
    const seen = byId.get(next.row.id);
    if (!seen) {
      byId.set(next.row.id, next);
      continue;
    }
    Object.assign(seen.row.props, next.row.props);
    Object.assign(seen.row.times, next.row.times);
    addSources(seen.row.sources, next.row.sources);
    byId.set(next.row.id, {
      kind: seen.kind,
      row: { ...seen.row, caption: next.row.caption, searchText: next.row.searchText },
    });
  }
  return grouped([...byId.values()].map(({ kind, row }) => ({ key: [kind], row })));
}

/** Link rows by type and endpoint pair, repeated facts merged like entities. */
export function linkGroups(writes: readonly LinkWrite[]): RowGroup<LinkRow>[] {
  const byId = new Map<string, { key: [string, string, string]; row: LinkRow }>();
  for (const w of writes) {
    const next = linkRow(w);
    const seen = byId.get(next.row.id);
    if (!seen) {
      byId.set(next.row.id, next);
      continue;
    }
    if (seen.row.from !== next.row.from || seen.row.to !== next.row.to) {
      throw invalidArgument('link', `${next.row.id} is written between different endpoints in one batch`);
    }
    Object.assign(seen.row.props, next.row.props);
    Object.assign(seen.row.times, next.row.times);
    addSources(seen.row.sources, next.row.sources);
  }
  return grouped([...byId.values()]);
}

function grouped<R>(items: ReadonlyArray<{ key: readonly string[]; row: R }>): RowGroup<R>[] {
  const groups = new Map<string, RowGroup<R>>();
  for (const { key, row } of items) {
    const name = key.join('\u0000');
    const group = groups.get(name);
    if (group) group.rows.push(row);
    else groups.set(name, { key, rows: [row] });
  }
  return [...groups.values()];
}
