/** Lookups by id and counts. One statement per kind or type: an indexed seek or a count-store read. */
import type { ModelShape } from '../model-shape.js';
import { kindIn, relationshipIn } from './names.js';
import { statement, type CypherStatement } from './statement.js';

export function getEntitiesStatement(model: ModelShape, kindName: string): CypherStatement {
  const kind = kindIn(model, kindName);
  return statement(
    `entity.get.${kind.name}`,
    ['ids'],
    ['UNWIND $ids AS id', `MATCH (n:${kind.name} {id: id})`, 'RETURN properties(n) AS properties'],
  );
}

/** Link ids name their type (`link:<TYPE>:...`), so a lookup goes to one relationship type's index. */
export function getLinksStatement(model: ModelShape, typeName: string): CypherStatement {
  const rel = relationshipIn(model, typeName);
  return statement(
    `link.get.${rel.name}`,
    ['ids'],
    [
      'UNWIND $ids AS id',
      `MATCH (a)-[r:${rel.name} {id: id}]->(b)`,
      'RETURN properties(r) AS properties, a.id AS from, b.id AS to',
    ],
  );
}

export function countKindStatement(model: ModelShape, kindName: string): CypherStatement {
  const kind = kindIn(model, kindName);
  return statement(`count.kind.${kind.name}`, [], [`MATCH (n:${kind.name})`, 'RETURN count(n) AS count']);
}

export function countLinkTypeStatement(model: ModelShape, typeName: string): CypherStatement {
  const rel = relationshipIn(model, typeName);
  return statement(`count.link.${rel.name}`, [], [`MATCH ()-[r:${rel.name}]->()`, 'RETURN count(r) AS count']);
}
