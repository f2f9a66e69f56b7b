/**
 * The read side of the investigation API: every argument checked (range, kind, link type, id), then
 * one call through the store. The bounds hit are reported in the result (`truncated`), never applied
 * silently.
 */
import { invalidArgument, notFound } from '../errors.js';
import type { Entity, Link, PathResult, Subgraph, Truncation } from '../graph.js';
import { BOUNDS, entityIdIn, existingEntities, idsIn, integerIn, kindsIn, linkTypesIn } from './arguments.js';
import type { GraphReader } from './graph-reader.js';

/** A subgraph whose bounds hit are listed (entity limit, link limit, path limit). */
export interface BoundedSubgraph {
  readonly entities: readonly Entity[];
  readonly links: readonly Link[];
  readonly truncated: readonly Truncation[];
}

export const boundsHit = (...truncations: ReadonlyArray<Truncation | null | undefined>): Truncation[] =>
  truncations.filter((t): t is Truncation => t !== null && t !== undefined);

const bounded = (s: Subgraph): BoundedSubgraph => ({
  entities: s.entities,
  links: s.links,
  truncated: boundsHit(s.truncated, s.truncatedLinks),
});

export async function getEntity(store: GraphReader, id: string): Promise<Entity> {
  const [entity] = await existingEntities(store, [entityIdIn('id', id)]);
  return entity!;
}

export async function getEntitiesByIds(store: GraphReader, ids: readonly string[]): Promise<Entity[]> {
  return existingEntities(store, idsIn('ids', ids, { min: 0, max: BOUNDS.limit.max }));
}

export interface NeighbourhoodArgs {
  readonly ids: readonly string[];
  readonly depth: number;
  readonly kinds?: readonly string[] | null;
  readonly linkTypes?: readonly string[] | null;
  readonly limit: number;
}

export async function neighbourhood(store: GraphReader, args: NeighbourhoodArgs): Promise<BoundedSubgraph> {
  const seeds = idsIn('ids', args.ids, BOUNDS.seeds);
  const depth = integerIn('depth', args.depth, BOUNDS.depth);
  const limit = integerIn('limit', args.limit, BOUNDS.limit);
  const kinds = kindsIn('kinds', args.kinds);
  const linkTypes = linkTypesIn('linkTypes', args.linkTypes);
  // Unknown seeds: the port refuses them with NOT_FOUND naming the id (store contract), no extra read here.
  return bounded(await store.expand({ seeds, depth, limit, ...(kinds && { kinds }), ...(linkTypes && { linkTypes }) }));
}

export interface PathsArgs {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly limit: number;
  readonly linkTypes?: readonly string[] | null;
}

export interface PathsResult {
  readonly paths: PathResult['paths'];
  readonly subgraph: BoundedSubgraph;
}

/** Every shortest path (up to `limit`), and the entities and links on them. */
export async function paths(store: GraphReader, args: PathsArgs): Promise<PathsResult> {
  const from = entityIdIn('from', args.from);
  const to = entityIdIn('to', args.to);
  const maxHops = integerIn('maxHops', args.maxHops, BOUNDS.maxHops);
  const limit = integerIn('limit', args.limit, BOUNDS.limit);
  const linkTypes = linkTypesIn('linkTypes', args.linkTypes);
  // Unknown ends: NOT_FOUND from the port, as for neighbourhood.
  const result = await store.shortestPaths({ from, to, maxHops, limit, ...(linkTypes && { linkTypes }) });
  return { paths: result.paths, subgraph: bounded(result) };
}

export interface SearchArgs {
  readonly text: string;
  readonly kinds?: readonly string[] | null;
  readonly first: number;
  readonly after?: string | null;
}

export interface SearchPage {
  readonly hits: readonly { readonly entity: Entity; readonly score: number; readonly cursor: string }[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/** Opaque cursors: the position of a hit in the ranking, base64url so clients do not build them. */
export const cursorOf = (position: number) => Buffer.from(`hit:${position}`).toString('base64url');

export function positionOf(cursor: string): number {
  const match = /^hit:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalidArgument('after', `"${cursor}" is not a cursor this API gave`);
  return Number(match[1]);
}

/** Full-text search ranked by relevance (the engine's score), paged Relay-style. */
export async function searchEntities(store: GraphReader, args: SearchArgs): Promise<SearchPage> {
  const first = integerIn('first', args.first, BOUNDS.first);
  const kinds = kindsIn('kinds', args.kinds);
  const offset = args.after === undefined || args.after === null ? 0 : positionOf(args.after) + 1;
  const result = await store.search({ text: args.text, limit: first, offset, ...(kinds && { kinds }) });
  return {
    hits: result.hits.map((h, i) => ({ entity: h.entity, score: h.score, cursor: cursorOf(offset + i) })),
    totalCount: result.total,
    hasNextPage: offset + result.hits.length < result.total,
    hasPreviousPage: offset > 0,
  };
}

export interface ProvenanceResult {
  readonly id: string;
  readonly entity: Entity | null;
  readonly link: Link | null;
  readonly sources: Entity['sources'];
}

/** Every source (file and row) behind an entity or a link (`link:<TYPE>:<hash>`). */
export async function provenance(store: GraphReader, id: string): Promise<ProvenanceResult> {
  if (id.startsWith('link:')) {
    const [link] = await store.getLinks([id]);
    if (!link) throw notFound('link', id);
    return { id, entity: null, link, sources: link.sources };
  }
  const entity = await getEntity(store, id);
  return { id, entity, link: null, sources: entity.sources };
}
