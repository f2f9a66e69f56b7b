/**
 * A write batch checked against the model and deduplicated, before any engine work: unknown kinds,
 * types, properties, malformed values and sources are refused here with a message naming them, so a
 * refused batch never opens a transaction. Facts repeated in one batch merge (sources united, later
 * property values win, nulls never overwrite).
 */
import { invalidArgument } from '../../domain/errors.js';
import type { EntityWrite, LinkWrite, WriteBatch } from '../../domain/graph.js';
import {
  assertEndpointsAllowed,
  kindOf,
  kindOfId,
  propertyOf,
  relationshipOf,
  type KindDef,
  type RelationshipDef,
} from '../../domain/model/index.js';
import { encodeFtsText } from '@ringtrace/cypher/kuzu/index.js';
import { sourceIn } from '../arguments.js';
import { bindValue, type Bound } from './values.js';

export interface PendingEntity {
  readonly id: string;
  readonly kind: KindDef;
  caption: string;
  /** Encoded for Kuzu's full-text index (digits as letters, see fts-text.ts). */
  searchText: string;
  readonly sources: string[];
  /** Given (non-null) property values as bound. */
  readonly props: Map<string, Bound>;
}

export interface PendingLink {
  readonly id: string;
  readonly type: RelationshipDef;
  readonly from: string;
  readonly to: string;
  readonly fromKind: string;
  readonly toKind: string;
  readonly sources: string[];
  readonly props: Map<string, Bound>;
}

export interface WritePlan {
  readonly entities: PendingEntity[];
  readonly links: PendingLink[];
}

function addSource(sources: string[], source: string) {
  if (!sources.includes(source)) sources.push(source);
}

function bindProps(
  owner: KindDef | RelationshipDef,
  id: string,
  props: EntityWrite['properties'],
  into: Map<string, Bound>,
) {
  if (props === null || typeof props !== 'object')
    throw invalidArgument('properties', `${id}: properties must be an object`);
  for (const [name, value] of Object.entries(props)) {
    const bound = bindValue(`${owner.name}.${name} of ${id}`, propertyOf(owner, name).type, value);
    if (bound !== null) into.set(name, bound);
  }
}

function planEntity(w: EntityWrite, byId: Map<string, PendingEntity>) {
  const kind = kindOf(w.kind);
  if (typeof w.id !== 'string' || kindOfId(w.id).name !== kind.name) {
    throw invalidArgument('id', `"${w.id}" is not an id of kind ${kind.name} (expected ${kind.idPrefix}:<key>)`);
  }
  if (typeof w.caption !== 'string' || typeof w.searchText !== 'string') {
    throw invalidArgument('entity', `${w.id}: caption and searchText must be strings`);
  }
  const source = sourceIn(`source of ${w.id}`, w.source);
  let e = byId.get(w.id);
  if (!e) {
    e = { id: w.id, kind, caption: '', searchText: '', sources: [], props: new Map() };
    byId.set(w.id, e);
  } else if (e.kind !== kind) {
    throw invalidArgument('entity', `${w.id} is written as ${e.kind.name} and as ${kind.name} in one batch`);
  }
  e.caption = w.caption;
  e.searchText = encodeFtsText(w.searchText);
  addSource(e.sources, source);
  bindProps(kind, w.id, w.properties, e.props);
}

function planLink(w: LinkWrite, byId: Map<string, PendingLink>) {
  const type = relationshipOf(w.type);
  if (
    typeof w.id !== 'string' ||
    !w.id.startsWith(`link:${type.name}:`) ||
    w.id.length <= `link:${type.name}:`.length
  ) {
    throw invalidArgument('id', `"${w.id}" is not a link id of type ${type.name} (expected link:${type.name}:<hash>)`);
  }
  const fromKind = kindOfId(w.from).name;
  const toKind = kindOfId(w.to).name;
  assertEndpointsAllowed(type.name, fromKind, toKind);
  const source = sourceIn(`source of ${w.id}`, w.source);
  let l = byId.get(w.id);
  if (!l) {
    l = { id: w.id, type, from: w.from, to: w.to, fromKind, toKind, sources: [], props: new Map() };
    byId.set(w.id, l);
  } else if (l.from !== w.from || l.to !== w.to) {
    throw invalidArgument('link', `${w.id} is written between different endpoints in one batch`);
  }
  addSource(l.sources, source);
  bindProps(type, w.id, w.properties, l.props);
}

export function planBatch(batch: WriteBatch): WritePlan {
  if (!batch || !Array.isArray(batch.entities) || !Array.isArray(batch.links)) {
    throw invalidArgument('batch', 'expects { entities: [...], links: [...] }');
  }
  const entities = new Map<string, PendingEntity>();
  const links = new Map<string, PendingLink>();
  for (const w of batch.entities) planEntity(w, entities);
  for (const w of batch.links) planLink(w, links);
  return { entities: [...entities.values()], links: [...links.values()] };
}
