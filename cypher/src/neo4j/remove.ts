/**
 * Removal of hand-made mistakes: entities with their links (DETACH), and links by id. One statement per
 * kind or type, because labels and types cannot be parameters; ids that do not exist match nothing, so a
 * removal repeated (or retried by the driver) removes nothing more.
 */
import type { ModelShape } from '../model-shape.js';
import { kindIn, relationshipIn } from './names.js';
import { statement, type CypherStatement } from './statement.js';

/**
 * Deletes the entities of one kind among `$ids` and every link they have. One row per entity removed:
 * its id and the ids of the links that went with it (a link between two removed entities may be listed
 * by both: the adapter counts distinct ids).
 */
export function removeEntitiesStatement(model: ModelShape, kindName: string): CypherStatement {
  const kind = kindIn(model, kindName);
  // A kind no relationship type touches (SourceFile) has no links to list: asking makes the linter warn.
  const linked = model.relationships.some((r) => r.endpoints.some(([f, t]) => f === kind.name || t === kind.name));
  const links = linked ? ['OPTIONAL MATCH (n)-[r]-()', 'WITH n, id, collect(DISTINCT r.id) AS links'] : [];
  return statement(
    `entity.remove.${kind.name}`,
    ['ids'],
    [
      'UNWIND $ids AS id',
      `MATCH (n:${kind.name} {id: id})`,
      ...links,
      'DETACH DELETE n',
      linked ? 'RETURN id, links' : 'RETURN id, [] AS links',
    ],
  );
}

/** Deletes the links of one type among `$ids` (seeks on the type's id constraint); one row per link removed. */
export function removeLinksStatement(model: ModelShape, typeName: string): CypherStatement {
  const rel = relationshipIn(model, typeName);
  return statement(
    `link.remove.${rel.name}`,
    ['ids'],
    ['UNWIND $ids AS id', `MATCH ()-[r:${rel.name} {id: id}]->()`, 'DELETE r', 'RETURN id'],
  );
}
