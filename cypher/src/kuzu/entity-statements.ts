import type { KindShape } from '../model-shape.js';
import { fromBound, toRead } from './kuzu-types.js';
import { ident, literal } from './quote.js';
import { propParam, statement, type KuzuStatement } from './statement.js';

/**
 * Statements on one kind's node table. Reads return `id, ref` (the engine id, used only inside the
 * adapter), `caption, searchText, sources` and one column per property named `p_<property>`. COPY takes `$rows`: a list of structs whose keys are `rowKeys` in that
 * order (Kuzu matches struct fields by position and takes their types from the first row), the first row
 * being a type-pinning row with `id = ''` that the statement skips.
 *
 * There is no `UNWIND $rows ... CREATE`: on a table with a full-text index it indexes every row of the
 * statement with the first row's words (quirks.test.ts). COPY and one CREATE per row index correctly.
 */
export interface EntityStatements {
  readonly kind: string;
  /** Keys of a create row, in the order every row must have them. */
  readonly rowKeys: readonly string[];
  /** One entity by id (primary-key lookup). */
  readonly getById: KuzuStatement;
  /** Many entities by id through a hash join with the table (a scan: for large id lists). */
  readonly getByIds: KuzuStatement;
  /** Whether an id exists (primary-key lookup). */
  readonly exists: KuzuStatement;
  /** Creates one entity. */
  readonly create: KuzuStatement;
  /** Creates the rows of `$rows` with COPY (a fixed cost of ~40 ms, then far cheaper per row). */
  readonly copy: KuzuStatement;
  /**
   * Creates the entities of a JSON Lines file (one object a line keyed by column name, every value a
   * string, a list of strings or null; Kuzu casts each to its column's type). For bulk loads: no parameter binding,
   * which costs more than the COPY itself at 1e4 rows, and no limit on what a value may hold.
   */
  readonly copyFile: (path: string) => KuzuStatement;
  /** Updates one entity: caption, searchText, sources set; a NULL property keeps its stored value. */
  readonly update: KuzuStatement;
  /** The same without touching searchText (each SET on it costs a full-text index update). */
  readonly updateKeepText: KuzuStatement;
  /** Number of entities of the kind. */
  readonly count: KuzuStatement;
  /** Deletes one entity and every link it has (primary-key lookup, then its adjacency lists). */
  readonly remove: KuzuStatement;
}

const SYSTEM_KEYS = ['id', 'caption', 'searchText', 'sources'] as const;

export function entityStatements(kind: KindShape): EntityStatements {
  const table = ident(kind.name);
  const props = Object.entries(kind.properties);
  const returns = [
    'n.id AS id',
    'id(n) AS ref',
    'n.caption AS caption',
    'n.searchText AS searchText',
    'n.sources AS sources',
    ...props.map(([name, p]) => `${toRead(p.type, `n.${ident(name)}`)} AS ${ident(propParam(name))}`),
  ].join(', ');
  const createProps = [
    'id: $id',
    'caption: $caption',
    'searchText: $searchText',
    'sources: $sources',
    ...props.map(([name, p]) => `${ident(name)}: ${fromBound(p.type, '$' + propParam(name))}`),
  ].join(', ');
  const copyColumns = ['id', 'caption', 'searchText', 'sources', ...props.map(([name]) => name)].map(ident).join(', ');
  const copyValues = [
    'r.id AS c_id',
    'r.caption AS c_caption',
    'r.searchText AS c_searchText',
    'r.sources AS c_sources',
    ...props.map(([name, p]) => `${fromBound(p.type, `r.${ident(propParam(name))}`)} AS ${ident('c_' + name)}`),
  ].join(', ');
  const setProps = props.map(([name, p]) => {
    const column = `n.${ident(name)}`;
    return `${column} = coalesce(${fromBound(p.type, '$' + propParam(name))}, ${column})`;
  });
  const propParams = props.map(([name]) => propParam(name));
  const update = (withText: boolean) => {
    const sets = [
      ...(withText ? ['n.caption = $caption', 'n.searchText = $searchText'] : []),
      'n.sources = $sources',
      ...setProps,
    ];
    const params = ['id', ...(withText ? ['caption', 'searchText'] : []), 'sources', ...propParams];
    return statement(`MATCH (n:${table} {id: $id}) SET ${sets.join(', ')}`, params);
  };
  return {
    kind: kind.name,
    rowKeys: [...SYSTEM_KEYS, ...propParams],
    getById: statement(`MATCH (n:${table} {id: $id}) RETURN ${returns}`, ['id']),
    getByIds: statement(`UNWIND $ids AS i MATCH (n:${table} {id: i}) RETURN ${returns}`, ['ids']),
    exists: statement(`MATCH (n:${table} {id: $id}) RETURN n.id AS id`, ['id']),
    create: statement(`CREATE (n:${table} {${createProps}})`, [
      'id',
      'caption',
      'searchText',
      'sources',
      ...propParams,
    ]),
    copy: statement(
      `COPY ${table} (${copyColumns}) FROM (UNWIND $rows AS r WITH r WHERE r.id <> '' RETURN ${copyValues})`,
      ['rows'],
    ),
    copyFile: (path) => statement(`COPY ${table} (${copyColumns}) FROM ${literal(path)}`),
    update: update(true),
    updateKeepText: update(false),
    count: statement(`MATCH (n:${table}) RETURN count(*) AS count`),
    remove: statement(`MATCH (n:${table} {id: $id}) DETACH DELETE n`, ['id']),
  };
}
