/**
 * A checked mapping compiled to a function of one row: the entity and link writes the row asserts, each
 * citing the row (`<sha256>#line:<n>`), and the values kept but flagged. A row that cannot be loaded is
 * a RowReject naming the column to blame; nothing of it is written.
 */
import { z } from 'zod';
import { isDomainError } from '../../domain/errors.js';
import { prepareEntity } from '../../domain/facts/prepare-entity.js';
import { prepareLinkWithFlags } from '../../domain/facts/prepare-link.js';
import type { Flag } from '../../domain/facts/flag.js';
import type { EntityWrite, LinkWrite, SourceRef } from '../../domain/graph.js';
import { invalidArgument } from '../../domain/errors.js';
import { relationshipOf, type KindDef, type PropertyType, type RelationshipDef } from '../../domain/model/index.js';
import { mappingProblems } from './check-mapping.js';
import { fixedOffset } from './date-format.js';
import type { Mapping } from './mapping-schema.js';
import { RowReject, valueAt, type Row } from './row-reject.js';
import { compileValue, type CompiledValue, type ValueContext } from './value-spec.js';

/** An end a link names without asserting it (a `ref` entity of a given-key kind): the store must have it. */
export interface EndRef {
  readonly id: string;
  readonly kind: string;
  readonly raw: string;
  readonly field: string;
}

export interface RowFacts {
  readonly entities: EntityWrite[];
  /** Phones, wallets, countries a row names as references: written only if the run has not written them. */
  readonly refEntities: EntityWrite[];
  readonly links: Array<{ readonly write: LinkWrite; readonly ends: readonly EndRef[] }>;
  /** Values kept but not normalised, `field` naming the column. */
  readonly flags: Flag[];
}

export interface CompiledMapping {
  readonly mapping: Mapping;
  /** Every column (or JSON path) the mapping reads, and whether the file must have it (no default). */
  readonly columns: ReadonlyMap<string, { readonly needed: boolean }>;
  mapRow(row: Row, source: SourceRef): RowFacts;
}

interface CompiledEntity {
  readonly alias: string;
  readonly kind: KindDef;
  readonly key?: CompiledValue | undefined;
  readonly each?: CompiledValue | undefined;
  readonly region?: CompiledValue | undefined;
  readonly optional: boolean;
  readonly ref: boolean;
  readonly when?: { readonly column: string; readonly values: ReadonlySet<string> } | undefined;
  readonly properties: ReadonlyArray<readonly [string, CompiledValue]>;
}

interface CompiledLink {
  readonly rel: RelationshipDef;
  readonly from: string;
  readonly to: string;
  readonly properties: ReadonlyArray<readonly [string, CompiledValue]>;
}

/** A cell as read: a scalar, a list of scalars (JSON), or nothing. */
const cell = z
  .union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
  ])
  .optional();

/** Numbers must be finite (JSON has no NaN, but a hand-made row might). */
const finite = cell.refine((v) => typeof v !== 'number' || Number.isFinite(v), { error: 'not a finite number' });

const MAX_CACHED = 50_000;

export function compileMapping(mapping: Mapping, where: string): CompiledMapping {
  const { problems, kinds } = mappingProblems(mapping);
  if (problems.length > 0) {
    const shown = problems.slice(0, 12).join('; ');
    const more = problems.length > 12 ? `; and ${problems.length - 12} more` : '';
    throw invalidArgument('mapping', `${where}: ${shown}${more}`);
  }
  const { timeZone, dateFormat, dateTimeFormat, defaultRegion } = mapping.context;
  const base = { timeZone, dateFormat, dateTimeFormat };
  const value = (spec: Parameters<typeof compileValue>[0], name: string, target: ValueContext['target']) =>
    compileValue(spec, { ...base, name, target });

  const entities: CompiledEntity[] = Object.entries(mapping.entities).map(([alias, e]) => {
    const kind = kinds.get(alias)!;
    return {
      alias,
      kind,
      key: e.key === undefined ? undefined : value(e.key, `${alias}.key`, 'key'),
      each: e.each === undefined ? undefined : value(e.each, `${alias}.each`, 'list'),
      region: e.region === undefined ? undefined : value(e.region, `${alias}.region`, 'string'),
      optional: e.optional,
      ref: e.ref,
      when: e.when && { column: e.when.column, values: new Set(e.when.in.map((v) => v.trim())) },
      properties: Object.entries(e.properties).map(([p, spec]) => [
        p,
        value(spec, `${alias}.properties.${p}`, kind.properties[p]!.type as PropertyType),
      ]),
    };
  });
  const links: CompiledLink[] = mapping.links.map((l, i) => {
    const rel = relationshipOf(l.type);
    return {
      rel,
      from: l.from,
      to: l.to,
      properties: Object.entries(l.properties).map(([p, spec]) => [
        p,
        value(spec, `links[${i}].properties.${p}`, rel.properties[p]!.type),
      ]),
    };
  });

  const columns = new Map<string, { needed: boolean }>();
  const all = [
    ...entities.flatMap((e) => [e.key, e.each, e.region, ...e.properties.map(([, v]) => v)]),
    ...links.flatMap((l) => l.properties.map(([, v]) => v)),
  ].filter((v): v is CompiledValue => v !== undefined);
  const specs = [
    ...Object.values(mapping.entities).flatMap((e) => [e.key, e.each, e.region, ...Object.values(e.properties)]),
    ...mapping.links.flatMap((l) => Object.values(l.properties)),
  ].filter((s) => s !== undefined);
  for (const e of Object.values(mapping.entities)) {
    if (e.when) columns.set(e.when.column, { needed: true });
  }
  all.forEach((v, i) => {
    const spec = specs[i]!;
    const hasDefault = typeof spec === 'object' && spec.default !== undefined;
    for (const c of v.columns) columns.set(c, { needed: (columns.get(c)?.needed ?? false) || !hasDefault });
  });

  // A phone, wallet or country named by a million rows is prepared once (the normalisers are the slow part).
  const prepared = new Map<string, ReturnType<typeof prepareEntity>>();
  const zone = timeZone !== undefined && fixedOffset(timeZone) !== undefined ? { timeZone } : {};

  function entityWrites(
    e: CompiledEntity,
    row: Row,
    source: SourceRef,
    out: RowFacts,
    refs: Map<string, EndRef>,
  ): string[] {
    const flags = out.flags;
    if (e.when) {
      const value = valueAt(row, e.when.column);
      if (!e.when.values.has(typeof value === 'string' ? value.trim() : String(value ?? ''))) return [];
    }
    const region = (e.region?.read(row, { flags }) as string | undefined) ?? defaultRegion;
    let items: unknown[] = [undefined];
    if (e.each) {
      const list = e.each.read(row, { flags, region });
      items = list === undefined ? [] : Array.isArray(list) ? list : [list];
    }
    const ids: string[] = [];
    for (const item of items) {
      const scope = { item, region, flags };
      const key = e.key?.read(row, scope);
      const properties: Record<string, unknown> = {};
      for (const [p, v] of e.properties) {
        const x = v.read(row, scope);
        if (x !== undefined) properties[p] = x;
      }
      const keyProperty = e.kind.key.from === 'natural' ? e.kind.key.property : undefined;
      if (key === undefined && (keyProperty === undefined || properties[keyProperty] === undefined)) {
        if (e.optional) continue;
        const field = e.key?.field ?? e.properties.find(([p]) => p === keyProperty)?.[1].field;
        throw new RowReject(field, `${field ?? e.alias}: empty, and it is the key of ${e.alias} (${e.kind.name})`);
      }
      const cacheKey = `${e.kind.name}\u0000${String(region)}\u0000${String(key)}\u0000${JSON.stringify(properties)}`;
      let result = prepared.get(cacheKey);
      if (!result) {
        const raw = { kind: e.kind.name, ...(key !== undefined && { key: String(key) }), properties };
        const context = { ...zone, ...(region !== undefined && { defaultRegion: String(region) }) };
        try {
          result = prepareEntity(raw, source, context);
        } catch (err) {
          return blame(err, e.properties, e.key);
        }
        if (prepared.size >= MAX_CACHED) prepared.clear();
        prepared.set(cacheKey, result);
      }
      for (const f of result.flags) {
        const field = f.field === keyProperty && e.key ? e.key.field : fieldOf(e.properties, f.field, e.key);
        flags.push({ ...f, field });
      }
      const write = result.write.source === source ? result.write : { ...result.write, source };
      if (!e.ref) out.entities.push(write);
      else if (e.kind.key.from === 'natural') out.refEntities.push(write);
      else refs.set(write.id, { id: write.id, kind: e.kind.name, raw: String(key), field: e.key?.field ?? e.alias });
      ids.push(write.id);
    }
    return ids;
  }

  return {
    mapping,
    columns,
    mapRow(row, source) {
      for (const [column] of columns) {
        const checked = finite.safeParse(valueAt(row, column));
        if (!checked.success)
          throw new RowReject(column, `${column}: ${checked.error.issues[0]?.message ?? 'bad value'}`);
      }
      const out: RowFacts = { entities: [], refEntities: [], links: [], flags: [] };
      const ids = new Map<string, string[]>();
      const refs = new Map<string, EndRef>();
      for (const e of entities) ids.set(e.alias, entityWrites(e, row, source, out, refs));
      for (const l of links) {
        const scope = { flags: out.flags };
        const properties: Record<string, unknown> = {};
        for (const [p, v] of l.properties) {
          const x = v.read(row, scope);
          if (x !== undefined) properties[p] = x;
        }
        for (const from of ids.get(l.from)!) {
          for (const to of ids.get(l.to)!) {
            let result;
            try {
              result = prepareLinkWithFlags({ type: l.rel.name, from, to, properties }, source, zone);
            } catch (err) {
              return blame(err, l.properties);
            }
            for (const f of result.flags) out.flags.push({ ...f, field: fieldOf(l.properties, f.field) });
            const ends = [refs.get(from), refs.get(to)].filter((r): r is EndRef => r !== undefined);
            out.links.push({ write: result.write, ends });
          }
        }
      }
      return out;
    },
  };
}

/** The column that fed a property (or the key), for rejects and flags. */
function fieldOf(
  properties: ReadonlyArray<readonly [string, CompiledValue]>,
  property: string,
  key?: CompiledValue,
): string {
  const found = properties.find(([p]) => p === property)?.[1];
  return found?.field ?? (property === 'key' && key ? key.field : property);
}

/** A domain refusal as a RowReject naming the column of the property it names. */
function blame(
  error: unknown,
  properties: ReadonlyArray<readonly [string, CompiledValue]>,
  key?: CompiledValue,
): never {
  if (error instanceof RowReject) throw error;
  if (!isDomainError(error)) throw error;
  const argument = typeof error.details['argument'] === 'string' ? error.details['argument'] : undefined;
  throw new RowReject(argument === undefined ? undefined : fieldOf(properties, argument, key), error.message);
}
