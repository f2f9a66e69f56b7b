/** Reads by id, full-text search and counts, on the reader connections. */
import { encodeFtsText, hasFtsWildcard, singleThreaded, type KuzuStatements } from '@ringtrace/cypher/kuzu/index.js';
import { invalidArgument } from '../../domain/errors.js';
import type { Entity, Link } from '../../domain/graph.js';
import { kindOf, kindOfId, model, relationshipOf } from '../../domain/model/index.js';
import { integerIn, investigationKindsIn } from '../arguments.js';
import type { SearchOptions, SearchResult } from '../port.js';
import { entityOf, linkOf } from './rows.js';
import type { KuzuSession } from './session.js';

export interface ReadContext {
  readonly session: KuzuSession;
  readonly statements: KuzuStatements;
  readonly sizes: Map<string, number>;
}

export function kindNameOfId(id: unknown): string | undefined {
  try {
    return typeof id === 'string' ? kindOfId(id).name : undefined;
  } catch {
    return undefined;
  }
}

/** `link:<TYPE>:<hash>` routes to one rel table. */
export function linkTypeOfId(id: unknown): string | undefined {
  if (typeof id !== 'string' || !id.startsWith('link:')) return undefined;
  const type = id.slice(5, id.indexOf(':', 5));
  return model.relationships.some((r) => r.name === type) ? type : undefined;
}

function groupIds(ids: readonly string[], route: (id: string) => string | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const key = route(id);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(id);
    else groups.set(key, [id]);
  }
  return groups;
}

/** Engine ids as map keys. They never leave the adapter. */
export const refKey = (ref: unknown) => {
  const r = ref as { table: number; offset: number };
  return `${r.table}:${r.offset}`;
};

/**
 * Up to this many ids, reads look entities up one by one (~0.3 ms each, in parallel on the readers);
 * beyond, one hash join with the kind's table is cheaper (it scans the table: ~0.5 us a row, 8 ms at 2e4
 * rows, ~90 ms at 1.8e5).
 */
export const readLookupsPerJoin = (tableRows: number) => Math.max(24, tableRows / 600);

/** Entities by id with their engine ids (unknown ids left out), per kind by key or by one join. */
export async function fetchStored(
  ctx: ReadContext,
  ids: readonly string[],
): Promise<Map<string, { entity: Entity; ref: string }>> {
  const found = new Map<string, { entity: Entity; ref: string }>();
  await Promise.all(
    [...groupIds(ids, kindNameOfId)].map(async ([kind, group]) => {
      const def = kindOf(kind);
      const st = ctx.statements.entities.get(kind)!;
      const rows =
        group.length <= readLookupsPerJoin(ctx.sizes.get(kind) ?? 0)
          ? (await Promise.all(group.map((id) => ctx.session.read(st.getById, { id })))).flat()
          : await ctx.session.read(st.getByIds, { ids: group });
      for (const row of rows) found.set(String(row['id']), { entity: entityOf(def, row), ref: refKey(row['ref']) });
    }),
  );
  return found;
}

/** Entities by id (unknown ids left out). */
export async function fetchEntities(ctx: ReadContext, ids: readonly string[]): Promise<Map<string, Entity>> {
  return new Map([...(await fetchStored(ctx, ids))].map(([id, s]) => [id, s.entity]));
}

export async function getEntities(ctx: ReadContext, ids: readonly string[]): Promise<Entity[]> {
  const found = await fetchEntities(ctx, ids);
  return [...new Set(ids)].flatMap((id) => found.get(id) ?? []);
}

/** Links by id: rel tables have no index on id, so each type's table is joined with the ids once. */
export async function getLinks(ctx: ReadContext, ids: readonly string[]): Promise<Link[]> {
  const found = new Map<string, Link>();
  await Promise.all(
    [...groupIds(ids, linkTypeOfId)].map(async ([type, group]) => {
      const def = relationshipOf(type);
      for (const row of await ctx.session.read(ctx.statements.links.get(type)!.getByIds, { ids: group })) {
        found.set(String(row['id']), linkOf(def, row, String(row['from']), String(row['to'])));
      }
    }),
  );
  return [...new Set(ids)].flatMap((id) => found.get(id) ?? []);
}

export const MAX_SEARCH_LIMIT = 1_000;

/**
 * Full-text search: every hit of each kind's index with its BM25 score, merged by score (ties by id, so
 * pages are stable), paged, then the page's entities fetched. Scores of different kinds come from
 * different indexes and are comparable only roughly.
 */
export async function search(ctx: ReadContext, options: SearchOptions): Promise<SearchResult> {
  if (typeof options.text !== 'string') throw invalidArgument('text', 'must be a string');
  const kinds = investigationKindsIn('kinds', options.kinds);
  const limit = integerIn('limit', options.limit, 0, MAX_SEARCH_LIMIT);
  const offset = integerIn('offset', options.offset, 0, Number.MAX_SAFE_INTEGER);
  const text = encodeFtsText(options.text.trim());
  if (text === '') return { hits: [], total: 0 };
  // A wildcard sends the search to a one-thread connection (Kuzu's pattern match races on more).
  const oneThread = hasFtsWildcard(text);
  const statementOf = (k: string) => {
    const s = ctx.statements.search.get(k)!;
    return oneThread ? singleThreaded(s) : s;
  };
  const perKind = await Promise.all(kinds.map((k) => ctx.session.read(statementOf(k), { text })));
  const hits = perKind
    .flat()
    .map((r) => ({ id: String(r['id']), score: Number(r['score']) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = hits.slice(offset, offset + limit);
  const entities = await fetchEntities(
    ctx,
    page.map((h) => h.id),
  );
  return {
    hits: page.flatMap((h) => {
      const entity = entities.get(h.id);
      return entity ? [{ entity, score: h.score }] : [];
    }),
    total: hits.length,
  };
}

export async function countByKind(ctx: ReadContext): Promise<Record<string, number>> {
  const out: Record<string, number> = Object.fromEntries(model.kinds.map((k) => [k.name, 0]));
  for (const row of await ctx.session.read(ctx.statements.countByKind)) out[String(row['kind'])] = Number(row['count']);
  return out;
}

export async function countByLinkType(ctx: ReadContext): Promise<Record<string, number>> {
  const out: Record<string, number> = Object.fromEntries(model.relationships.map((r) => [r.name, 0]));
  for (const row of await ctx.session.read(ctx.statements.countByLinkType))
    out[String(row['type'])] = Number(row['count']);
  return out;
}
