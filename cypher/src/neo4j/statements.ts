/**
 * Every statement the Neo4j adapter sends, built once per model and looked up by kind, type or bound.
 * The fidelity test lints exactly what `enumerateNeo4jStatements` lists, which is what this object can return.
 */
import type { ModelShape } from '../model-shape.js';
import { neo4jAwaitIndexesStatement, neo4jSchemaStatements } from '../schema/neo4j-schema.js';
import { countKindStatement, countLinkTypeStatement, getEntitiesStatement, getLinksStatement } from './read.js';
import { removeEntitiesStatement, removeLinksStatement } from './remove.js';
import {
  retractRemoveEntitiesStatement,
  retractRemoveLinksStatement,
  retractUpdateEntitiesStatement,
  retractUpdateLinksStatement,
} from './retract.js';
import { searchCountStatement, searchPageStatement } from './search.js';
import type { CypherStatement } from './statement.js';
import {
  expandEntitiesStatement,
  expandLinksStatement,
  expandStepStatement,
  NEO4J_MAX_PATH_HOPS,
  shortestPathsStatement,
} from './traverse.js';
import {
  deleteKindBatchStatement,
  entityRefsStatement,
  upsertEntitiesStatement,
  upsertLinksStatement,
} from './write.js';

export interface Neo4jStatements {
  readonly schema: readonly CypherStatement[];
  readonly awaitIndexes: CypherStatement;
  upsertEntities(kind: string): CypherStatement;
  upsertLinks(type: string, fromKind: string, toKind: string): CypherStatement;
  entityRefs(kind: string): CypherStatement;
  getEntities(kind: string): CypherStatement;
  getLinks(type: string): CypherStatement;
  countKind(kind: string): CypherStatement;
  countLinkType(type: string): CypherStatement;
  readonly searchPage: CypherStatement;
  readonly searchCount: CypherStatement;
  readonly expandStep: CypherStatement;
  readonly expandEntities: CypherStatement;
  readonly expandLinks: CypherStatement;
  shortestPaths(maxHops: number): CypherStatement;
  deleteKindBatch(kind: string): CypherStatement;
  removeEntities(kind: string): CypherStatement;
  removeLinks(type: string): CypherStatement;
  retractRemoveEntities(kind: string): CypherStatement;
  retractUpdateEntities(kind: string): CypherStatement;
  retractRemoveLinks(type: string): CypherStatement;
  retractUpdateLinks(type: string): CypherStatement;
}

function memo<A extends unknown[]>(build: (...args: A) => CypherStatement): (...args: A) => CypherStatement {
  const cache = new Map<string, CypherStatement>();
  return (...args: A) => {
    const key = args.join('\u0000');
    let s = cache.get(key);
    if (!s) cache.set(key, (s = build(...args)));
    return s;
  };
}

/** The statements for one model. Builders throw on a kind or type the model does not declare. */
export function createNeo4jStatements(model: ModelShape): Neo4jStatements {
  return {
    schema: neo4jSchemaStatements(model),
    awaitIndexes: neo4jAwaitIndexesStatement(),
    upsertEntities: memo((kind: string) => upsertEntitiesStatement(model, kind)),
    upsertLinks: memo((type: string, from: string, to: string) => upsertLinksStatement(model, type, from, to)),
    entityRefs: memo((kind: string) => entityRefsStatement(model, kind)),
    getEntities: memo((kind: string) => getEntitiesStatement(model, kind)),
    getLinks: memo((type: string) => getLinksStatement(model, type)),
    countKind: memo((kind: string) => countKindStatement(model, kind)),
    countLinkType: memo((type: string) => countLinkTypeStatement(model, type)),
    searchPage: searchPageStatement(model),
    searchCount: searchCountStatement(model),
    expandStep: expandStepStatement(model),
    expandEntities: expandEntitiesStatement(model),
    expandLinks: expandLinksStatement(model),
    shortestPaths: memo((maxHops: number) => shortestPathsStatement(model, maxHops)),
    deleteKindBatch: memo((kind: string) => deleteKindBatchStatement(model, kind)),
    removeEntities: memo((kind: string) => removeEntitiesStatement(model, kind)),
    removeLinks: memo((type: string) => removeLinksStatement(model, type)),
    retractRemoveEntities: memo((kind: string) => retractRemoveEntitiesStatement(model, kind)),
    retractUpdateEntities: memo((kind: string) => retractUpdateEntitiesStatement(model, kind)),
    retractRemoveLinks: memo((type: string) => retractRemoveLinksStatement(model, type)),
    retractUpdateLinks: memo((type: string) => retractUpdateLinksStatement(model, type)),
  };
}

/**
 * Every statement the adapter can send for this model: each builder for every kind, type, endpoint pair
 * and path bound, plus the schema. Names are unique.
 */
export function enumerateNeo4jStatements(model: ModelShape): CypherStatement[] {
  const s = createNeo4jStatements(model);
  const out: CypherStatement[] = [...s.schema, s.awaitIndexes];
  for (const k of model.kinds) {
    out.push(s.upsertEntities(k.name), s.entityRefs(k.name), s.getEntities(k.name), s.countKind(k.name));
    out.push(s.deleteKindBatch(k.name), s.removeEntities(k.name));
    out.push(s.retractRemoveEntities(k.name), s.retractUpdateEntities(k.name));
  }
  for (const r of model.relationships) {
    for (const [from, to] of r.endpoints) out.push(s.upsertLinks(r.name, from, to));
    out.push(s.getLinks(r.name), s.countLinkType(r.name), s.removeLinks(r.name));
    out.push(s.retractRemoveLinks(r.name), s.retractUpdateLinks(r.name));
  }
  out.push(s.searchPage, s.searchCount, s.expandStep, s.expandEntities, s.expandLinks);
  for (let hops = 1; hops <= NEO4J_MAX_PATH_HOPS; hops++) out.push(s.shortestPaths(hops));
  return out;
}
