import type { ModelShape } from '../model-shape.js';
import { kuzuSchema, SHOW_INDEXES, SHOW_TABLES, showConnection, tableInfo } from '../schema/kuzu-ddl.js';
import { entityStatements, type EntityStatements } from './entity-statements.js';
import { linkStatements, type LinkStatements } from './link-statements.js';
import { countByKindStatement, countByLinkTypeStatement, searchStatement } from './read-statements.js';
import { entityLinkIdsStatement } from './removal-statements.js';
import { statement, type KuzuStatement } from './statement.js';
import {
  countShortestPathsStatement,
  expandCountManyStatement,
  expandCountStatement,
  expandLinksStatement,
  expandReachStatement,
  traversableFrom,
  shortestPathsStatement,
  traversableRelationships,
} from './traversal-statements.js';

/** Transaction control on the writer connection. */
export const BEGIN = statement('BEGIN TRANSACTION');
export const COMMIT = statement('COMMIT');
export const ROLLBACK = statement('ROLLBACK');

/** Every Kuzu statement of the embedded adapter, built once from the model. */
export interface KuzuStatements {
  readonly entities: ReadonlyMap<string, EntityStatements>;
  readonly links: ReadonlyMap<string, LinkStatements>;
  /** Per kind that some relationship type touches: the ids of one entity's links (see removal-statements.ts). */
  readonly entityLinkIds: ReadonlyMap<string, KuzuStatement>;
  readonly search: ReadonlyMap<string, KuzuStatement>;
  readonly countByKind: KuzuStatement;
  readonly countByLinkType: KuzuStatement;
  /** The nearest `$limit` ids (of `kinds`) an expansion reaches from one seed, with their distances. */
  expandReach(seedKind: string, depth: number, types?: readonly string[], kinds?: readonly string[]): KuzuStatement;
  /** How many entities (of `kinds`) an expansion reaches from one seed. */
  expandCount(seedKind: string, depth: number, types?: readonly string[], kinds?: readonly string[]): KuzuStatement;
  /** How many distinct entities (of `kinds`, seeds left out) an expansion reaches from several seeds. */
  expandCountMany(
    seedKinds: readonly string[],
    depth: number,
    types?: readonly string[],
    kinds?: readonly string[],
  ): KuzuStatement;
  /** Links on an expansion from kept nodes of one kind; undefined when no followed type touches the kind. */
  expandLinks(kind: string, many: boolean, types?: readonly string[]): KuzuStatement | undefined;
  shortestPaths(fromKind: string, toKind: string, maxHops: number, types?: readonly string[]): KuzuStatement;
  countShortestPaths(fromKind: string, toKind: string, maxHops: number, types?: readonly string[]): KuzuStatement;
}

export function kuzuStatements(shape: ModelShape): KuzuStatements {
  const investigation = shape.kinds.filter((k) => !k.system);
  // Traversal statements depend on request filters; memoised per distinct shape of request.
  const memo = new Map<string, KuzuStatement>();
  const memoised = (key: string, build: () => KuzuStatement) => {
    let s = memo.get(key);
    if (!s) memo.set(key, (s = build()));
    return s;
  };
  const sorted = (list?: readonly string[]) => (list && list.length > 0 ? [...new Set(list)].sort() : undefined);
  return {
    entities: new Map(shape.kinds.map((k) => [k.name, entityStatements(k)])),
    links: new Map(shape.relationships.map((r) => [r.name, linkStatements(r)])),
    entityLinkIds: new Map(
      shape.kinds.flatMap((k) => {
        const s = entityLinkIdsStatement(shape, k.name);
        return s ? [[k.name, s] as const] : [];
      }),
    ),
    search: new Map(investigation.map((k) => [k.name, searchStatement(k)])),
    countByKind: countByKindStatement(shape),
    countByLinkType: countByLinkTypeStatement(shape),
    expandReach(seedKind, depth, types, kinds) {
      const [t, k] = [sorted(types), sorted(kinds)];
      return memoised(`x|${seedKind}|${depth}|${t?.join(',')}|${k?.join(',')}`, () =>
        expandReachStatement(shape, seedKind, depth, t, k),
      );
    },
    expandCount(seedKind, depth, types, kinds) {
      const [t, k] = [sorted(types), sorted(kinds)];
      return memoised(`n|${seedKind}|${depth}|${t?.join(',')}|${k?.join(',')}`, () =>
        expandCountStatement(shape, seedKind, depth, t, k),
      );
    },
    expandCountMany(seedKinds, depth, types, kinds) {
      const [s, t, k] = [sorted(seedKinds)!, sorted(types), sorted(kinds)];
      return memoised(`m|${s.join(',')}|${depth}|${t?.join(',')}|${k?.join(',')}`, () =>
        expandCountManyStatement(shape, s, depth, t, k),
      );
    },
    expandLinks(kind, many, types) {
      const t = sorted(types);
      if (traversableFrom(shape, kind, t).length === 0) return undefined;
      return memoised(`l|${kind}|${many}|${t?.join(',')}`, () => expandLinksStatement(shape, kind, many, t));
    },
    shortestPaths(fromKind, toKind, maxHops, types) {
      const t = sorted(types);
      return memoised(`p|${fromKind}|${toKind}|${maxHops}|${t?.join(',')}`, () =>
        shortestPathsStatement(shape, fromKind, toKind, maxHops, t),
      );
    },
    countShortestPaths(fromKind, toKind, maxHops, types) {
      const t = sorted(types);
      return memoised(`c|${fromKind}|${toKind}|${maxHops}|${t?.join(',')}`, () =>
        countShortestPathsStatement(shape, fromKind, toKind, maxHops, t),
      );
    },
  };
}

export interface CatalogEntry {
  /** What the statement is for, e.g. `entity Victim create`. */
  readonly name: string;
  readonly statement: KuzuStatement;
}

/**
 * Every statement the adapter can send, for a test to run each one on Kuzu at least once: schema and
 * introspection, per-kind and per-type CRUD (every FROM/TO pair), search per kind, counts, expansion for
 * every seed kind and depth, removal (entity, its link ids, link per pair), expansion and paths following each type alone, shortest paths for every pair of kinds at the smallest and largest bound. The type list is
 * inlined, so a combination of several types is one more statement of the same form. COPY from a file
 * names `stageFile` (a JSON Lines file the caller provides; empty loads nothing).
 */
export function allKuzuStatements(shape: ModelShape, stageFile = 'stage.json'): CatalogEntry[] {
  const st = kuzuStatements(shape);
  const schema = kuzuSchema(shape);
  const out: CatalogEntry[] = [];
  const add = (name: string, s: KuzuStatement) => out.push({ name, statement: s });
  for (const t of schema.tables) {
    add(`schema ${t.name}`, statement(t.create, [], true));
    add(`table info ${t.name}`, statement(tableInfo(t.name), [], true));
    if (t.kind === 'rel') add(`connections ${t.name}`, statement(showConnection(t.name), [], true));
  }
  for (const f of schema.ftsIndexes) add(`fts ${f.table}`, statement(f.create, [], true));
  add('show tables', statement(SHOW_TABLES, [], true));
  add('show indexes', statement(SHOW_INDEXES, [], true));
  add('begin', BEGIN);
  add('commit', COMMIT);
  add('rollback', ROLLBACK);
  for (const [kind, e] of st.entities) {
    for (const key of [
      'getById',
      'getByIds',
      'exists',
      'create',
      'copy',
      'update',
      'updateKeepText',
      'count',
      'remove',
    ] as const) {
      add(`entity ${kind} ${key}`, e[key]);
    }
    add(`entity ${kind} copyFile`, e.copyFile(stageFile));
  }
  for (const [kind, s] of st.entityLinkIds) add(`entity ${kind} link ids`, s);
  for (const [type, l] of st.links) {
    add(`link ${type} getByIds`, l.getByIds);
    add(`link ${type} count`, l.count);
    for (const p of l.pairs) {
      for (const key of ['getById', 'create', 'copy', 'update', 'remove'] as const) {
        add(`link ${type} ${p.from}->${p.to} ${key}`, p[key]);
      }
      add(`link ${type} ${p.from}->${p.to} copyFile`, p.copyFile(stageFile));
    }
  }
  for (const [kind, s] of st.search) add(`search ${kind}`, s);
  add('count by kind', st.countByKind);
  add('count by link type', st.countByLinkType);
  const investigation = shape.kinds.filter((k) => !k.system).map((k) => k.name);
  for (const seed of investigation) {
    for (const depth of [1, 2, 3]) {
      add(`expand ${seed} ${depth}`, st.expandReach(seed, depth));
      add(`expand count ${seed} ${depth}`, st.expandCount(seed, depth));
    }
    add(`expand ${seed} 2 kinds=${seed}`, st.expandReach(seed, 2, undefined, [seed]));
    add(`expand count ${seed} 2 kinds=${seed}`, st.expandCount(seed, 2, undefined, [seed]));
    for (const many of [false, true]) {
      const links = st.expandLinks(seed, many);
      if (links) add(`expand links ${seed}${many ? ' many' : ''}`, links);
    }
  }
  for (const rel of traversableRelationships(shape)) {
    const [from, to] = rel.endpoints[0]!;
    for (const depth of [1, 3])
      add(`expand ${from} ${depth} types=${rel.name}`, st.expandReach(from, depth, [rel.name]));
    add(`expand links ${from} types=${rel.name}`, st.expandLinks(from, true, [rel.name])!);
    add(`expand count many ${from},${to} 2 types=${rel.name}`, st.expandCountMany([from, to], 2, [rel.name]));
    add(`paths ${from}->${to} 4 types=${rel.name}`, st.shortestPaths(from, to, 4, [rel.name]));
  }
  for (const depth of [1, 3]) add(`expand count many all ${depth}`, st.expandCountMany(investigation, depth));
  add(
    `expand count many all 2 kinds=${investigation[0]}`,
    st.expandCountMany(investigation, 2, undefined, investigation.slice(0, 1)),
  );
  for (const from of investigation) {
    for (const to of investigation) {
      for (const hops of [1, 10]) {
        add(`paths ${from}->${to} ${hops}`, st.shortestPaths(from, to, hops));
        add(`count paths ${from}->${to} ${hops}`, st.countShortestPaths(from, to, hops));
      }
    }
  }
  return out;
}
