import type { KindShape, ModelShape } from '../model-shape.js';
import { ftsIndexName } from '../schema/kuzu-ddl.js';
import { ident, literal } from './quote.js';
import { statement, type KuzuStatement } from './statement.js';

/**
 * Full-text hits of one kind: every hit's id and BM25 score. All of them, not `top := k`: the store merges
 * kinds by score and pages with a stable order (score, then id), and needs the total anyway.
 * `$text` must already be encoded with encodeFtsText. A `$text` with a wildcard (hasFtsWildcard) must run
 * on one execution thread: mark it with singleThreaded (see KuzuStatement.singleThreaded).
 */
export function searchStatement(kind: KindShape): KuzuStatement {
  return statement(
    `CALL QUERY_FTS_INDEX(${literal(kind.name)}, ${literal(ftsIndexName(kind.name))}, $text) ` +
      'RETURN node.id AS id, score AS score',
    ['text'],
  );
}

/** One row per kind (`kind`, `count`), zero rows for none: a UNION ALL of per-table counts. */
export function countByKindStatement(shape: ModelShape): KuzuStatement {
  return statement(
    shape.kinds
      .map((k) => `MATCH (n:${ident(k.name)}) RETURN ${literal(k.name)} AS kind, count(*) AS count`)
      .join(' UNION ALL '),
  );
}

/** One row per relationship type (`type`, `count`). */
export function countByLinkTypeStatement(shape: ModelShape): KuzuStatement {
  return statement(
    shape.relationships
      .map((r) => `MATCH ()-[l:${ident(r.name)}]->() RETURN ${literal(r.name)} AS type, count(*) AS count`)
      .join(' UNION ALL '),
  );
}
