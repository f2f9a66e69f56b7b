import { isDomainError } from '../../domain/errors.js';
import { kindOf, relationshipOf, type KindDef, type RelationshipDef } from '../../domain/model/index.js';

/** A column problem that makes a whole file unreadable, reported once against its header. */
export interface HeaderProblem {
  readonly field: string;
  readonly reason: string;
}

export interface PropertyColumn {
  readonly index: number;
  readonly name: string;
}

export interface EntityColumns {
  readonly kind: KindDef;
  readonly key?: number;
  readonly source?: number;
  readonly properties: readonly PropertyColumn[];
  readonly width: number;
}

export interface LinkColumns {
  readonly rel: RelationshipDef;
  readonly from: number;
  readonly to: number;
  readonly fromKind?: number;
  readonly toKind?: number;
  /** The start (end) kind when the type allows only one, so the column may be left out. */
  readonly onlyFromKind?: string;
  readonly onlyToKind?: string;
  readonly source?: number;
  readonly properties: readonly PropertyColumn[];
  readonly width: number;
}

const ENTITY_RESERVED = ['key', 'source'];
const LINK_RESERVED = ['from', 'to', 'from_kind', 'to_kind', 'source'];

function indexColumns(header: readonly string[]): Map<string, number> | HeaderProblem {
  const columns = new Map<string, number>();
  for (const [i, raw] of header.entries()) {
    const name = raw.trim();
    if (name === '') return { field: `column ${i + 1}`, reason: 'empty column name' };
    if (columns.has(name)) return { field: name, reason: `column "${name}" appears twice` };
    columns.set(name, i);
  }
  return columns;
}

function properties(
  owner: KindDef | RelationshipDef,
  columns: Map<string, number>,
  reserved: readonly string[],
): PropertyColumn[] | HeaderProblem {
  const out: PropertyColumn[] = [];
  for (const [name, index] of columns) {
    if (reserved.includes(name)) continue;
    if (!Object.hasOwn(owner.properties, name)) {
      const known = [...reserved, ...Object.keys(owner.properties)].join(', ');
      return { field: name, reason: `${owner.name} has no property "${name}" (columns allowed: ${known})` };
    }
    out.push({ index, name });
  }
  return out;
}

const isProblem = (x: unknown): x is HeaderProblem => typeof x === 'object' && x !== null && 'reason' in x;

/** How to read an `entities/<Kind>.csv` file, or why it cannot be read. */
export function entityColumns(kindName: string, header: readonly string[]): EntityColumns | HeaderProblem {
  let kind: KindDef;
  try {
    kind = kindOf(kindName);
  } catch (e) {
    return { field: 'file', reason: isDomainError(e) ? e.message : String(e) };
  }
  const columns = indexColumns(header);
  if (isProblem(columns)) return columns;
  const props = properties(kind, columns, ENTITY_RESERVED);
  if (isProblem(props)) return props;
  const key = columns.get('key');
  if (kind.key.from === 'given' && key === undefined) {
    return { field: 'key', reason: `${kind.name} is keyed by a given key: the file needs a "key" column` };
  }
  if (kind.key.from === 'natural' && key === undefined && !columns.has(kind.key.property)) {
    return {
      field: kind.key.property,
      reason: `${kind.name} is keyed by "${kind.key.property}": the file needs that column`,
    };
  }
  return {
    kind,
    ...(key !== undefined && { key }),
    ...(columns.has('source') && { source: columns.get('source')! }),
    properties: props,
    width: header.length,
  };
}

/** How to read a `links/<TYPE>.csv` file, or why it cannot be read. */
export function linkColumns(typeName: string, header: readonly string[]): LinkColumns | HeaderProblem {
  let rel: RelationshipDef;
  try {
    rel = relationshipOf(typeName);
  } catch (e) {
    return { field: 'file', reason: isDomainError(e) ? e.message : String(e) };
  }
  const columns = indexColumns(header);
  if (isProblem(columns)) return columns;
  const props = properties(rel, columns, LINK_RESERVED);
  if (isProblem(props)) return props;
  for (const required of ['from', 'to']) {
    if (!columns.has(required)) return { field: required, reason: `a link file needs a "${required}" column` };
  }
  const fromKinds = [...new Set(rel.endpoints.map(([f]) => f))];
  const toKinds = [...new Set(rel.endpoints.map(([, t]) => t))];
  for (const [column, kinds] of [
    ['from_kind', fromKinds],
    ['to_kind', toKinds],
  ] as const) {
    if (!columns.has(column) && kinds.length > 1) {
      return {
        field: column,
        reason: `${rel.name} links several kinds (${kinds.join(', ')}): the file needs "${column}"`,
      };
    }
  }
  return {
    rel,
    from: columns.get('from')!,
    to: columns.get('to')!,
    ...(columns.has('from_kind') && { fromKind: columns.get('from_kind')! }),
    ...(columns.has('to_kind') && { toKind: columns.get('to_kind')! }),
    ...(fromKinds.length === 1 && { onlyFromKind: fromKinds[0]! }),
    ...(toKinds.length === 1 && { onlyToKind: toKinds[0]! }),
    ...(columns.has('source') && { source: columns.get('source')! }),
    properties: props,
    width: header.length,
  };
}

export { isProblem as isHeaderProblem };
