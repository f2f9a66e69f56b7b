import type { RelationshipShape } from '../model-shape.js';
import { fromBound, toRead } from './kuzu-types.js';
import { ident, literal } from './quote.js';
import { propParam, statement, type KuzuStatement } from './statement.js';

/**
 * Statements on one relationship type's rel table. Rel tables have no index on `id`, so single links are
 * found from their endpoints (two primary-key lookups and one adjacency list); many links at once through a
 * hash join with the whole table. `sources` is one space-separated STRING here (see REL_SYSTEM_COLUMNS).
 */
export interface LinkPairStatements {
  readonly from: string;
  readonly to: string;
  /** One link by id between two given endpoints. */
  readonly getById: KuzuStatement;
  /** Creates one link between existing endpoints (scalar lookups use the primary-key index). */
  readonly create: KuzuStatement;
  /**
   * Creates the rows of `$rows` with COPY: a bulk primary-key lookup of the endpoints. Each COPY has a
   * fixed cost that grows with the data already in the table, so it is for large batches only.
   */
  readonly copy: KuzuStatement;
  /** Creates the links of a JSON Lines file keyed `from`, `to` and column names (see EntityStatements.copyFile). */
  readonly copyFile: (path: string) => KuzuStatement;
  /** Updates one link: sources set; a NULL property keeps its stored value. */
  readonly update: KuzuStatement;
  /** Deletes one link by id between two given endpoints. */
  readonly remove: KuzuStatement;
}

export interface LinkStatements {
  readonly type: string;
  /** Keys of a COPY row, in the order every row must have them. */
  readonly rowKeys: readonly string[];
  readonly pairs: readonly LinkPairStatements[];
  /** Many links by id (hash join with the whole table, every pair). */
  readonly getByIds: KuzuStatement;
  readonly count: KuzuStatement;
}

export function linkStatements(rel: RelationshipShape): LinkStatements {
  const table = ident(rel.name);
  const props = Object.entries(rel.properties);
  const propParams = props.map(([name]) => propParam(name));
  const returns = [
    'l.id AS id',
    'a.id AS `from`',
    'b.id AS `to`',
    'l.sources AS sources',
    ...props.map(([name, p]) => `${toRead(p.type, `l.${ident(name)}`)} AS ${ident(propParam(name))}`),
  ].join(', ');
  const createProps = [
    'id: $id',
    'sources: $sources',
    ...props.map(([name, p]) => `${ident(name)}: ${fromBound(p.type, '$' + propParam(name))}`),
  ].join(', ');
  const copyTargets = ['id', 'sources', ...props.map(([name]) => name)].map(ident).join(', ');
  const copyColumns = [
    'r.`from` AS c_from',
    'r.`to` AS c_to',
    'r.id AS c_id',
    'r.sources AS c_sources',
    ...props.map(([name, p]) => `${fromBound(p.type, `r.${ident(propParam(name))}`)} AS ${ident('c_' + name)}`),
  ].join(', ');
  const sets = [
    'l.sources = $sources',
    ...props.map(([name, p]) => {
      const column = `l.${ident(name)}`;
      return `${column} = coalesce(${fromBound(p.type, '$' + propParam(name))}, ${column})`;
    }),
  ].join(', ');
  const pairs = rel.endpoints.map(([from, to]): LinkPairStatements => {
    const anchor = `MATCH (a:${ident(from)} {id: $from})-[l:${table}]->(b:${ident(to)} {id: $to}) WHERE l.id = $id`;
    return {
      from,
      to,
      getById: statement(`${anchor} RETURN ${returns}`, ['from', 'to', 'id']),
      create: statement(
        `MATCH (a:${ident(from)} {id: $from}), (b:${ident(to)} {id: $to}) CREATE (a)-[l:${table} {${createProps}}]->(b)`,
        ['from', 'to', 'id', 'sources', ...propParams],
      ),
      copy: statement(
        `COPY ${table} (${copyTargets}) FROM (UNWIND $rows AS r WITH r WHERE r.id <> '' RETURN ${copyColumns}) ` +
          `(from=${literal(from)}, to=${literal(to)})`,
        ['rows'],
      ),
      copyFile: (path) =>
        statement(`COPY ${table} (${copyTargets}) FROM ${literal(path)} (from=${literal(from)}, to=${literal(to)})`),
      update: statement(`${anchor} SET ${sets}`, ['from', 'to', 'id', 'sources', ...propParams]),
      remove: statement(`${anchor} DELETE l`, ['from', 'to', 'id']),
    };
  });
  return {
    type: rel.name,
    rowKeys: ['id', 'from', 'to', 'sources', ...propParams],
    pairs,
    getByIds: statement(`UNWIND $ids AS i MATCH (a)-[l:${table}]->(b) WHERE l.id = i RETURN ${returns}`, ['ids']),
    count: statement(`MATCH ()-[l:${table}]->() RETURN count(*) AS count`),
  };
}
