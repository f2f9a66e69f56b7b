/**
 * Idempotent upserts with provenance. One statement per kind (and per relationship type and endpoint pair),
 * because labels and types cannot be parameters. Each row is `{ id, props, times, sources, ... }`:
 * - `props`: plain values to set (`SET +=`: a key absent keeps the stored value, a null removes it);
 * - `times`: ISO strings of the date/datetime properties given, converted by `date()`/`datetime()` in Cypher;
 * - `sources`: `<sha256>#<locator>` strings, appended only when not stored yet; with `$oneCitationPerFile`
 *   (the port's WriteOptions), not when the fact already cites that file and this row changed nothing.
 * The statement compares each fact before and after the write, so the counts are exact: a fact that had no
 * `sources` before MERGE was created; one whose properties differ afterwards was updated.
 */
import type { KindShape, ModelShape, RelationshipShape } from '../model-shape.js';
import { kindIn, relationshipIn, temporalProperties } from './names.js';
import { statement, type CypherStatement } from './statement.js';

function temporalAssignments(variable: string, owner: KindShape | RelationshipShape): string[] {
  return temporalProperties(owner).map(
    ([prop, type]) =>
      `  ${variable}.${prop} = CASE WHEN '${prop}' IN keys(row.times) THEN ${type}(row.times.${prop}) ELSE ${variable}.${prop} END`,
  );
}

/** `SET a,\n  b,\n  c` as lines. */
const setList = (items: readonly string[]) =>
  items.map((item, i) => `${i === 0 ? `SET ${item.trimStart()}` : item}${i < items.length - 1 ? ',' : ''}`);

/**
 * Appends the row's new sources, after the other SETs (`mid` is the fact then, `before` before them). A
 * file already cited is not cited again by a row that changed nothing (WriteOptions.oneCitationPerFile).
 */
const appendSources = (v: string) => [
  `WITH ${v}, row, before, properties(${v}) AS mid`,
  `WITH ${v}, row, before, coalesce(${v}.sources, []) AS stored,`,
  `  size([k IN keys(mid) WHERE NOT k IN ['sources', 'caption', 'searchText'] AND (before[k] IS NULL OR before[k] <> mid[k])]) +`,
  `  size([k IN keys(before) WHERE NOT k IN keys(mid)]) > 0 AS changed`,
  `SET ${v}.sources = stored + [s IN row.sources WHERE NOT s IN stored AND NOT ($oneCitationPerFile AND NOT changed AND`,
  `  any(t IN stored WHERE split(t, '#')[0] = split(s, '#')[0]))]`,
];

const countChanges = [
  'WITH before, properties(x) AS after',
  'RETURN count(*) AS rows,',
  '  sum(CASE WHEN before.sources IS NULL THEN 1 ELSE 0 END) AS created,',
  '  sum(CASE WHEN before.sources IS NOT NULL AND before <> after THEN 1 ELSE 0 END) AS updated',
];

/** Upserts entities of one kind. Rows must have distinct ids (the adapter splits repeats into rounds). */
export function upsertEntitiesStatement(model: ModelShape, kindName: string): CypherStatement {
  const kind = kindIn(model, kindName);
  return statement(
    `entity.upsert.${kind.name}`,
    ['rows', 'keepText', 'oneCitationPerFile'],
    [
      'UNWIND $rows AS row',
      `MERGE (x:${kind.name} {id: row.id})`,
      'WITH x, row, properties(x) AS before',
      ...setList([
        '  x += row.props',
        ...temporalAssignments('x', kind),
        // keepText: an entity that existed keeps its caption and search text (the port's WriteOptions).
        '  x.caption = CASE WHEN $keepText AND before.sources IS NOT NULL THEN x.caption ELSE row.caption END',
        '  x.searchText = CASE WHEN $keepText AND before.sources IS NOT NULL THEN x.searchText ELSE row.searchText END',
      ]),
      ...appendSources('x'),
      ...countChanges,
    ],
  );
}

/**
 * Upserts links of one type between one endpoint pair. A row whose endpoint does not exist is dropped by the
 * MATCH, so the adapter checks endpoints first (entityRefsStatement) and fails naming the missing id.
 */
export function upsertLinksStatement(
  model: ModelShape,
  typeName: string,
  fromKind: string,
  toKind: string,
): CypherStatement {
  const rel = relationshipIn(model, typeName);
  const from = kindIn(model, fromKind);
  const to = kindIn(model, toKind);
  if (!rel.endpoints.some(([f, t]) => f === from.name && t === to.name)) {
    throw new Error(`${rel.name} cannot link ${from.name} to ${to.name}`);
  }
  return statement(
    `link.upsert.${rel.name}.${from.name}.${to.name}`,
    ['rows', 'oneCitationPerFile'],
    [
      'UNWIND $rows AS row',
      `MATCH (a:${from.name}) WHERE a.id = row.from`,
      `MATCH (b:${to.name}) WHERE b.id = row.to`,
      `MERGE (a)-[x:${rel.name} {id: row.id}]->(b)`,
      'WITH x, row, properties(x) AS before',
      ...setList(['  x += row.props', ...temporalAssignments('x', rel)]),
      ...appendSources('x'),
      ...countChanges,
    ],
  );
}

/** Which of the given ids exist as entities of one kind, with their element ids (used inside the adapter only). */
export function entityRefsStatement(model: ModelShape, kindName: string): CypherStatement {
  const kind = kindIn(model, kindName);
  return statement(
    `entity.refs.${kind.name}`,
    ['ids'],
    ['UNWIND $ids AS id', `MATCH (n:${kind.name} {id: id})`, 'RETURN n.id AS id, elementId(n) AS ref'],
  );
}

/**
 * Deletes up to `$batch` entities of one kind with their links; the caller repeats until none is left.
 * Only the model's labels are touched, so other data in the same database survives a reset.
 */
export function deleteKindBatchStatement(model: ModelShape, kindName: string): CypherStatement {
  const kind = kindIn(model, kindName);
  return statement(
    `entity.deleteAll.${kind.name}`,
    ['batch'],
    [`MATCH (n:${kind.name})`, 'WITH n LIMIT $batch', 'DETACH DELETE n', 'RETURN count(*) AS deleted'],
  );
}
