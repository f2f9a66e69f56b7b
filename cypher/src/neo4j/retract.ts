/**
 * Retracting sources (undoing an import) on Neo4j: per label or type, in bounded rounds (`$batch` facts
 * a statement; the adapter repeats one until it returns 0), every fact citing a file of `$prefixes`
 * (`<sha256>#`) loses those sources, and one left citing nothing is deleted (an entity only when no link
 * touches it). Each statement matches only facts it still has to change, so a round repeated or retried
 * by the driver changes nothing more.
 */
import type { ModelShape } from '../model-shape.js';
import { kindIn, relationshipIn } from './names.js';
import { statement, type CypherStatement } from './statement.js';

const cites = (v: string) => `any(s IN ${v}.sources WHERE any(p IN $prefixes WHERE s STARTS WITH p))`;
const onlyCites = (v: string) => `all(s IN coalesce(${v}.sources, []) WHERE any(p IN $prefixes WHERE s STARTS WITH p))`;
const kept = (v: string) => `[s IN ${v}.sources WHERE none(p IN $prefixes WHERE s STARTS WITH p)]`;

/** Deletes up to `$batch` links of one type that cite only the given files. */
export function retractRemoveLinksStatement(model: ModelShape, typeName: string): CypherStatement {
  const rel = relationshipIn(model, typeName);
  return statement(
    `retract.removeLinks.${rel.name}`,
    ['prefixes', 'batch'],
    [
      `MATCH ()-[r:${rel.name}]->()`,
      `WHERE ${cites('r')} AND ${onlyCites('r')}`,
      'WITH r LIMIT $batch',
      'DELETE r',
      'RETURN count(*) AS n',
    ],
  );
}

/** Takes the given files off up to `$batch` links of one type that cite them. */
export function retractUpdateLinksStatement(model: ModelShape, typeName: string): CypherStatement {
  const rel = relationshipIn(model, typeName);
  return statement(
    `retract.updateLinks.${rel.name}`,
    ['prefixes', 'batch'],
    [
      `MATCH ()-[r:${rel.name}]->()`,
      `WHERE ${cites('r')}`,
      'WITH r LIMIT $batch',
      `SET r.sources = ${kept('r')}`,
      'RETURN count(*) AS n',
    ],
  );
}

/** Deletes up to `$batch` entities of one kind that cite nothing else (or nothing) and have no link. */
export function retractRemoveEntitiesStatement(model: ModelShape, kindName: string): CypherStatement {
  const kind = kindIn(model, kindName);
  return statement(
    `retract.removeEntities.${kind.name}`,
    ['prefixes', 'batch'],
    [
      `MATCH (n:${kind.name})`,
      `WHERE ${onlyCites('n')} AND NOT EXISTS { (n)--() }`,
      'WITH n LIMIT $batch',
      'DELETE n',
      'RETURN count(*) AS n',
    ],
  );
}

/** Takes the given files off up to `$batch` entities of one kind that cite them. */
export function retractUpdateEntitiesStatement(model: ModelShape, kindName: string): CypherStatement {
  const kind = kindIn(model, kindName);
  return statement(
    `retract.updateEntities.${kind.name}`,
    ['prefixes', 'batch'],
    [
      `MATCH (n:${kind.name})`,
      `WHERE ${cites('n')}`,
      'WITH n LIMIT $batch',
      `SET n.sources = ${kept('n')}`,
      'RETURN count(*) AS n',
    ],
  );
}
