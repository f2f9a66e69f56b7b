import { isDomainError } from '../../domain/errors.js';
import { prepareEntity, type PrepareContext } from '../../domain/facts/prepare-entity.js';
import { prepareLinkWithFlags } from '../../domain/facts/prepare-link.js';
import type { Flag } from '../../domain/facts/flag.js';
import type { SourceRef } from '../../domain/graph.js';
import { entityIdFor } from '../../domain/ids.js';
import { kindOf, type KindDef } from '../../domain/model/index.js';
import type { Batcher, EndToCheck } from './batch.js';
import type { CsvRecord } from './csv-records.js';
import type { EntityColumns, LinkColumns, PropertyColumn } from './file-columns.js';
import type { Issues, Origin } from './issues.js';
import { parseSourceCell } from './source-cell.js';

/** What a row needs to become writes: where it is, how to read values, and where to put the result. */
export interface RowContext {
  readonly file: string;
  readonly sha256: string;
  readonly declared: ReadonlyMap<string, string>;
  readonly prepare: PrepareContext;
  readonly known: Set<string>;
  readonly batcher: Batcher;
  readonly issues: Issues;
  /** Natural keys already resolved: a hub number named by a million calls is parsed once. */
  readonly ends: Map<string, { id: string; flags: Flag[] }>;
}

const MAX_CACHED_ENDS = 200_000;

/** A row that cannot be loaded, naming the column to blame. */
class RowError extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

function blame(error: unknown, field?: string): never {
  if (isDomainError(error)) {
    const argument = typeof error.details.argument === 'string' ? error.details.argument : undefined;
    throw new RowError(field ?? argument, error.message);
  }
  throw error;
}

function properties(columns: readonly PropertyColumn[], cells: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) out[c.name] = cells[c.index]!;
  return out;
}

function sources(cells: readonly string[], index: number | undefined, line: number, ctx: RowContext): SourceRef[] {
  try {
    return parseSourceCell(
      index === undefined ? undefined : cells[index],
      { sha256: ctx.sha256, locator: `line:${line}` },
      ctx.declared,
    );
  } catch (e) {
    return blame(e, 'source');
  }
}

/** Runs one row; a row that cannot be loaded is rejected with its line and column, and the load goes on. */
function guarded(record: CsvRecord, width: number, ctx: RowContext, load: (origin: Origin) => void): void {
  const origin = { file: ctx.file, line: record.line };
  if (record.cells.length !== width) {
    ctx.issues.reject(origin, `expected ${width} cells as in the header, got ${record.cells.length}`);
    return;
  }
  try {
    load(origin);
  } catch (e) {
    if (!(e instanceof RowError)) throw e;
    ctx.issues.reject(origin, e.message, e.field);
  }
}

export function loadEntityRow(columns: EntityColumns, record: CsvRecord, ctx: RowContext): void {
  guarded(record, columns.width, ctx, (origin) => {
    const cells = record.cells;
    const refs = sources(cells, columns.source, record.line, ctx);
    const raw = {
      kind: columns.kind.name,
      ...(columns.key !== undefined && { key: cells[columns.key]! }),
      properties: properties(columns.properties, cells),
    };
    let prepared;
    try {
      prepared = prepareEntity(raw, refs[0]!, ctx.prepare);
    } catch (e) {
      return blame(e);
    }
    for (const flag of prepared.flags) ctx.issues.flag(origin, flag);
    refs.forEach((source, i) =>
      ctx.batcher.addEntity(i === 0 ? prepared.write : { ...prepared.write, source }, origin),
    );
    ctx.known.add(prepared.write.id);
  });
}

interface End {
  readonly side: 'from' | 'to';
  readonly kind: KindDef;
  readonly raw: string;
  readonly id: string;
  readonly flags: Flag[];
}

function end(side: 'from' | 'to', columns: LinkColumns, cells: readonly string[], ctx: RowContext): End {
  const kindColumn = side === 'from' ? columns.fromKind : columns.toKind;
  const kindName =
    (kindColumn === undefined ? '' : cells[kindColumn]!.trim()) ||
    (side === 'from' ? columns.onlyFromKind : columns.onlyToKind);
  if (!kindName) throw new RowError(`${side}_kind`, `${columns.rel.name} links several kinds: give ${side}_kind`);
  let kind: KindDef;
  try {
    kind = kindOf(kindName);
  } catch (e) {
    return blame(e, `${side}_kind`);
  }
  const raw = cells[side === 'from' ? columns.from : columns.to]!;
  if (raw.trim() === '') throw new RowError(side, `${side} is empty`);
  const cacheKey = `${kind.name}\u0000${raw}`;
  let resolved = kind.key.from === 'natural' ? ctx.ends.get(cacheKey) : undefined;
  if (!resolved) {
    try {
      resolved = entityIdFor(kind.name, raw, ctx.prepare);
    } catch (e) {
      return blame(e, side);
    }
    if (kind.key.from === 'natural') {
      if (ctx.ends.size >= MAX_CACHED_ENDS) ctx.ends.clear();
      ctx.ends.set(cacheKey, resolved);
    }
  }
  return { side, kind, raw, ...resolved };
}

export function loadLinkRow(columns: LinkColumns, record: CsvRecord, ctx: RowContext): void {
  guarded(record, columns.width, ctx, (origin) => {
    const cells = record.cells;
    const refs = sources(cells, columns.source, record.line, ctx);
    const ends = [end('from', columns, cells, ctx), end('to', columns, cells, ctx)] as const;
    let prepared;
    try {
      prepared = prepareLinkWithFlags(
        { type: columns.rel.name, from: ends[0].id, to: ends[1].id, properties: properties(columns.properties, cells) },
        refs[0]!,
        ctx.prepare,
      );
    } catch (e) {
      // "X cannot link A to B": blame the end whose kind the type never starts (or ends) with.
      const badFrom = !columns.rel.endpoints.some(([f]) => f === ends[0].kind.name);
      return blame(
        e,
        isDomainError(e) && e.details.argument === 'link' ? (badFrom ? 'from_kind' : 'to_kind') : undefined,
      );
    }
    for (const flag of prepared.flags) ctx.issues.flag(origin, flag);
    const checks: EndToCheck[] = [];
    for (const e of ends) {
      if (ctx.known.has(e.id)) continue;
      if (e.kind.key.from === 'natural') createEnd(e, refs[0]!, origin, ctx);
      else checks.push({ id: e.id, field: e.side, kind: e.kind.name, raw: e.raw });
    }
    refs.forEach((source, i) =>
      ctx.batcher.addLink(i === 0 ? prepared.write : { ...prepared.write, source }, origin, checks),
    );
  });
}

/**
 * A phone number, wallet or country that a link names but no entity file lists: the link row is the
 * first to assert it, so it is created from the row (only once, so hubs do not collect a source per call).
 */
function createEnd(e: End, source: SourceRef, origin: Origin, ctx: RowContext): void {
  const property = e.kind.key.from === 'natural' ? e.kind.key.property : 'key';
  const { write } = prepareEntity({ kind: e.kind.name, properties: { [property]: e.raw } }, source, ctx.prepare);
  for (const flag of e.flags) ctx.issues.flag(origin, flag, e.side);
  ctx.batcher.addEntity(write, origin);
  ctx.known.add(write.id);
}
