/**
 * One write batch in one Kuzu transaction on the writer connection: all of it lands or none of it does
 * (a failing statement makes Kuzu roll the whole transaction back; COPY runs inside it too). A crash
 * mid-batch leaves only an uncommitted WAL tail, which Kuzu discards on the next open.
 *
 * Cost model (measured on a 2-core machine with kuzu 0.11.3): a primary-key lookup with a scalar parameter costs
 * ~0.15 ms; `UNWIND $ids ... MATCH {id: i}` is a hash join with a scan of the whole table (~0.15 us a
 * node), so lookups go one by one below `table size / 1000` ids and by join above. New nodes go one CREATE
 * each (~0.2 ms with the full-text index) or by COPY (~40 ms fixed, then ~0.07 ms a row) from 300 on;
 * never `UNWIND ... CREATE`, which mis-indexes full text (quirks.test.ts). Creating links needs both
 * endpoints: one prepared statement per link (~0.3 ms) or COPY (~15 ms into an empty table). COPY into a
 * rel table that already holds data rewrites the adjacency of every node group it touches, in memory: at
 * 4e5 rels its fixed cost is ~300 ms, and with hub nodes (800 numbers holding most calls) a 10k-row COPY
 * filled a 512 MiB buffer pool at ~1.8e5 rels, where one statement per link still ran (quirks.test.ts has
 * the commit cost). So COPY from copyMinRows new links of one FROM/TO pair while the table holds fewer
 * than COPY_MAX_TABLE_RELS rels, and one statement per link after that. A bulk write (WriteOptions.bulk,
 * the importer's `--fast`) COPYs whatever the table holds, from staged files (copy-rows.ts): its batches
 * are large (1e5 facts) and few.
 */
import type { KuzuStatements, LinkPairStatements } from '@ringtrace/cypher/kuzu/index.js';
import { DomainError } from '../../domain/errors.js';
import type { WriteCounts, WriteResult } from '../port.js';
import { copyEntities, copyLinks } from './copy-rows.js';
import { linkSourcesBound, storedEntity, storedLink, type StoredEntity, type StoredLink } from './rows.js';
import type { Params, Row } from './session.js';
import type { FreshTables } from './fresh-tables.js';
import type { StagedLinks } from './staged-links.js';
import { inTransaction, type Run } from './transaction.js';
import { comparable, type Bound } from './values.js';
import type { PendingEntity, PendingLink, WritePlan } from './write-plan.js';

export interface WriteContext {
  readonly statements: KuzuStatements;
  /** Estimated rows per table, kept by the store to choose lookup and load strategies. */
  readonly sizes: Map<string, number>;
  readonly copyMinRows: number;
  /** New entities of one kind are loaded with COPY from this many on (~40 ms fixed, then cheaper per row). */
  readonly nodeCopyMinRows: number;
  /** Told when a kind's indexed text is SET (fts-repair.ts: the index then needs a rebuild before inserts). */
  readonly onTextUpdate?: (kind: string) => void;
  /** Existing entities keep their caption and search text (WriteOptions.keepText). */
  readonly keepText?: boolean;
  /** A bulk load (WriteOptions.bulk): new rows COPYed from staged files, whatever the tables hold. */
  readonly bulk?: boolean;
  /** WriteOptions.oneCitationPerFile. */
  readonly oneCitationPerFile?: boolean;
  /** A bulk load's links held back until it ends (staged-links.ts); new links go there, not in the table. */
  readonly staged?: StagedLinks;
  /** A bulk load's tables that were empty when it began (fresh-tables.ts): no lookups where none can exist. */
  readonly fresh?: FreshTables;
}

/** What a batch hands to the staged links once it has committed (a rolled-back batch hands nothing). */
interface ToStage {
  readonly files: Array<{ type: string; pair: LinkPairStatements; links: PendingLink[] }>;
  readonly again: PendingLink[];
  readonly created: Array<{ kind: string; ids: string[] }>;
}

/** Up to this many ids, one primary-key lookup each beats one scan of the table. */
export const nodeLookupsPerScan = (tableRows: number) => Math.max(64, tableRows / 1_000);
const linkLookupsPerScan = (tableRows: number) => Math.max(32, tableRows / 5_000);
/** Rels in a table up to which new links may be COPYed (see above). */
export const COPY_MAX_TABLE_RELS = 100_000;
export const useCopy = (relRows: number, newLinks: number, copyMinRows: number, bulk = false) =>
  newLinks >= copyMinRows && (bulk || relRows + newLinks <= COPY_MAX_TABLE_RELS);

const counts = (): { created: number; updated: number; unchanged: number } => ({
  created: 0,
  updated: 0,
  unchanged: 0,
});

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

async function readEntities(
  ctx: WriteContext,
  run: Run,
  kind: string,
  ids: readonly string[],
): Promise<Map<string, Row>> {
  const st = ctx.statements.entities.get(kind)!;
  const found = new Map<string, Row>();
  if (ctx.fresh?.has(kind)) ids = ctx.fresh.createdOf(ids);
  if (ids.length === 0) return found;
  if (ids.length <= nodeLookupsPerScan(ctx.sizes.get(kind) ?? 0)) {
    for (const id of ids) for (const row of await run(st.getById, { id })) found.set(id, row);
  } else {
    for (const row of await run(st.getByIds, { ids: [...ids] })) found.set(String(row['id']), row);
  }
  return found;
}

function changedProps(given: Map<string, Bound>, stored: StoredEntity | StoredLink): boolean {
  for (const [name, value] of given) if (comparable(value) !== comparable(stored.properties[name] ?? null)) return true;
  return false;
}

/** Stored sources with the given ones added; with oneCitationPerFile, not one of a file already cited. */
const mergedSources = (stored: readonly string[], given: readonly string[], oneCitationPerFile = false) => {
  const out = [...stored];
  const fileOf = (source: string) => source.slice(0, source.indexOf('#'));
  const cited = oneCitationPerFile ? new Set(stored.map(fileOf)) : undefined;
  for (const s of given) if (!out.includes(s) && !cited?.has(fileOf(s))) out.push(s);
  return out;
};

function propParams(owner: { properties: Readonly<Record<string, unknown>> }, given: Map<string, Bound>): Params {
  return Object.fromEntries(Object.keys(owner.properties).map((name) => [`p_${name}`, given.get(name) ?? null]));
}

async function writeEntities(
  ctx: WriteContext,
  run: Run,
  entities: readonly PendingEntity[],
  grown: Map<string, number>,
  toStage: ToStage,
): Promise<{ counts: WriteCounts; createdIds: Set<string> }> {
  const result = counts();
  const createdIds = new Set<string>();
  for (const [kind, group] of groupBy(entities, (e) => e.kind.name)) {
    const st = ctx.statements.entities.get(kind)!;
    const stored = await readEntities(
      ctx,
      run,
      kind,
      group.map((e) => e.id),
    );
    const created: PendingEntity[] = [];
    // Updates run after the inserts: an insert after a SET of the indexed text breaks the index (fts-repair.ts).
    const updates: Array<() => Promise<unknown>> = [];
    for (const e of group) {
      const row = stored.get(e.id);
      if (!row) {
        created.push(e);
        continue;
      }
      const s = storedEntity(e.kind, row);
      const changed = changedProps(e.props, s);
      const sources = mergedSources(s.sources, e.sources, ctx.oneCitationPerFile && !changed);
      const textChanged = !ctx.keepText && (s.caption !== e.caption || s.searchText !== e.searchText);
      if (!textChanged && sources.length === s.sources.length && !changed) {
        result.unchanged++;
        continue;
      }
      result.updated++;
      if (textChanged) ctx.onTextUpdate?.(kind);
      const params = { id: e.id, sources, ...propParams(e.kind, e.props) };
      updates.push(() =>
        run(
          textChanged ? st.update : st.updateKeepText,
          textChanged ? { ...params, caption: e.caption, searchText: e.searchText } : params,
        ),
      );
    }
    const rowOf = (e: PendingEntity) => ({
      id: e.id,
      caption: e.caption,
      searchText: e.searchText,
      sources: e.sources,
      ...propParams(e.kind, e.props),
    });
    if (created.length >= ctx.nodeCopyMinRows) await copyEntities(run, st, created, ctx.bulk === true);
    else for (const e of created) await run(st.create, rowOf(e));
    for (const update of updates) await update();
    for (const e of created) createdIds.add(e.id);
    if (ctx.fresh?.has(kind)) toStage.created.push({ kind, ids: created.map((e) => e.id) });
    result.created += created.length;
    grown.set(kind, created.length);
  }
  return { counts: result, createdIds };
}

/** Refuses links whose endpoints are neither in the batch nor stored, naming the first missing id. */
async function checkEndpoints(
  ctx: WriteContext,
  run: Run,
  links: readonly PendingLink[],
  inBatch: ReadonlySet<string>,
) {
  const wanted = new Map<string, { kind: string; link: string }>();
  for (const l of links) {
    if (!inBatch.has(l.from)) wanted.set(l.from, { kind: l.fromKind, link: l.id });
    if (!inBatch.has(l.to)) wanted.set(l.to, { kind: l.toKind, link: l.id });
  }
  for (const [kind, group] of groupBy([...wanted], ([, w]) => w.kind)) {
    if (ctx.fresh?.has(kind)) {
      // Known without a lookup (fresh-tables.ts).
      const missing = group.find(([id]) => !ctx.fresh!.exists(id));
      if (missing) throw missingEnd(missing);
      continue;
    }
    const found = await readEntities(
      ctx,
      run,
      kind,
      group.map(([id]) => id),
    );
    const missing = group.find(([id]) => !found.has(id));
    if (missing) throw missingEnd(missing);
  }
}

const missingEnd = ([id, { link }]: [string, { link: string }]) =>
  new DomainError('NOT_FOUND', `link ${link}: endpoint ${id} does not exist`, { details: { id, link } });

async function readLinks(ctx: WriteContext, run: Run, type: string, links: readonly PendingLink[]) {
  const st = ctx.statements.links.get(type)!;
  const found = new Map<string, Row>();
  if (links.length === 0 || ctx.fresh?.has(type)) return found; // empty until the staged links go in
  if (links.length <= linkLookupsPerScan(ctx.sizes.get(type) ?? 0)) {
    for (const l of links) {
      const pair = st.pairs.find((p) => p.from === l.fromKind && p.to === l.toKind)!;
      for (const row of await run(pair.getById, { from: l.from, to: l.to, id: l.id })) found.set(l.id, row);
    }
  } else {
    for (const row of await run(st.getByIds, { ids: links.map((l) => l.id) })) found.set(String(row['id']), row);
  }
  return found;
}

async function writeLinks(
  ctx: WriteContext,
  run: Run,
  all: readonly PendingLink[],
  newIds: ReadonlySet<string>,
  grown: Map<string, number>,
  toStage: ToStage,
): Promise<WriteCounts> {
  const result = counts();
  // Staged earlier in this bulk load, so not in the table yet: written after the staged files go in.
  const links: PendingLink[] = [];
  for (const l of all) (ctx.staged?.has(l.id) ? toStage.again : links).push(l);
  for (const [type, group] of groupBy(links, (l) => l.type.name)) {
    const st = ctx.statements.links.get(type)!;
    // A link with an endpoint created by this batch cannot exist yet: no lookup for it.
    const stored = await readLinks(
      ctx,
      run,
      type,
      group.filter((l) => !newIds.has(l.from) && !newIds.has(l.to)),
    );
    const created: PendingLink[] = [];
    for (const l of group) {
      const row = stored.get(l.id);
      if (!row) {
        created.push(l);
        continue;
      }
      const s = storedLink(l.type, row);
      const changed = changedProps(l.props, s);
      const sources = mergedSources(s.sources, l.sources, ctx.oneCitationPerFile && !changed);
      if (sources.length === s.sources.length && !changed) {
        result.unchanged++;
        continue;
      }
      result.updated++;
      const pair = st.pairs.find((p) => p.from === l.fromKind && p.to === l.toKind)!;
      await run(pair.update, {
        from: l.from,
        to: l.to,
        id: l.id,
        sources: linkSourcesBound(sources),
        ...propParams(l.type, l.props),
      });
    }
    for (const [pairKey, pairLinks] of groupBy(created, (l) => `${l.fromKind}>${l.toKind}`)) {
      const pair = st.pairs.find((p) => `${p.from}>${p.to}` === pairKey)!;
      if (ctx.staged) toStage.files.push({ type, pair, links: pairLinks });
      else if (useCopy(ctx.sizes.get(type) ?? 0, pairLinks.length, ctx.copyMinRows, ctx.bulk)) {
        await copyLinks(
          run,
          { rowKeys: st.rowKeys, copy: pair.copy, copyFile: pair.copyFile },
          pairLinks,
          ctx.bulk === true,
        );
      } else {
        for (const l of pairLinks) {
          await run(pair.create, {
            from: l.from,
            to: l.to,
            id: l.id,
            sources: linkSourcesBound(l.sources),
            ...propParams(l.type, l.props),
          });
        }
      }
    }
    result.created += created.length;
    if (!ctx.staged) grown.set(type, created.length);
  }
  return result;
}

/** Runs the plan in one transaction; the caller holds the writer. */
export async function writePlan(ctx: WriteContext, run: Run, plan: WritePlan): Promise<WriteResult> {
  const grown = new Map<string, number>();
  const toStage: ToStage = { files: [], again: [], created: [] };
  const result = await inTransaction(run, async () => {
    const { counts: entities, createdIds } = await writeEntities(ctx, run, plan.entities, grown, toStage);
    await checkEndpoints(ctx, run, plan.links, new Set(plan.entities.map((e) => e.id)));
    const links = await writeLinks(ctx, run, plan.links, createdIds, grown, toStage);
    return { entities, links };
  });
  for (const [table, n] of grown) ctx.sizes.set(table, (ctx.sizes.get(table) ?? 0) + n);
  for (const f of toStage.files) await ctx.staged!.add(f.type, f.pair, f.links);
  ctx.staged?.again.push(...toStage.again);
  for (const { kind, ids } of toStage.created) ctx.fresh?.add(kind, ids);
  return result;
}
