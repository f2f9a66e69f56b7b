/**
 * The Neo4j adapter of the GraphStore port. Statements come from `@ringtrace/cypher` (linted against
 * Neo4j's parser in its tests); this module owns the driver, the transactions and the mapping.
 */
import { createNeo4jStatements, type CypherStatement } from '@ringtrace/cypher/neo4j/index.js';
import neo4j, { int, type Driver } from 'neo4j-driver';
import { DomainError, invalidArgument } from '../../domain/errors.js';
import { model } from '../../domain/model/index.js';
import type { GraphStore, StoreInfo } from '../port.js';
import { safeUri, unreachable } from './errors.js';
import { createExecutor, type Executor } from './executor.js';
import { getEntitiesIn, getLinksIn } from './lookup.js';
import { removalIds, removeEntitiesIn, removeLinksIn } from './remove.js';
import { retractSourcesIn } from './retract.js';
import { sha256sIn } from '../retract-arguments.js';
import { runReadNeo4j } from './run-read.js';
import { checkSearch, searchIn } from './search.js';
import { checkExpand, checkPaths, expandIn, shortestPathsIn } from './traverse.js';
import { prepareBatch, writeBatchIn } from './write-batch.js';

export interface Neo4jStoreOptions {
  /** neo4j://, neo4j+s://, bolt://, bolt+s:// ... */
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Absent: the server's default database. */
  readonly database?: string;
  /** Transaction timeout, enforced by the server. Default 30 s. */
  readonly queryTimeoutMs?: number;
  /** How long `init()` waits for the server to answer. Default 5 s. */
  readonly connectTimeoutMs?: number;
  /** How long `init()` waits for new indexes to come online. Default 300 s. */
  readonly indexWaitSeconds?: number;
}

/** The Neo4j store: the port, plus a reset that tests (and a future admin command) use. */
export interface Neo4jStore extends GraphStore {
  /**
   * Deletes every entity and link of the model's kinds, in batches; constraints and indexes stay, and
   * nodes with labels the model does not know are left alone.
   */
  deleteAll(): Promise<void>;
}

/** Entities deleted per transaction by deleteAll (with their links). */
const DELETE_BATCH = 10_000;

// Creating the same rule concurrently (two servers starting) is not a failure: the rule exists.
const ALREADY_EXISTS = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms (${what})`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function openDriver(o: Neo4jStoreOptions, connectTimeoutMs: number, queryTimeoutMs: number): Driver {
  try {
    return neo4j.driver(o.uri, neo4j.auth.basic(o.user, o.password), {
      connectionTimeout: connectTimeoutMs,
      connectionAcquisitionTimeout: connectTimeoutMs + queryTimeoutMs,
      maxTransactionRetryTime: queryTimeoutMs,
      // Integers stay lossless Integer objects inside the adapter; values.ts turns them into numbers when
      // exact and into decimal strings beyond 2^53. Neither option below loses precision, both are explicit.
      disableLosslessIntegers: false,
      useBigInt: false,
      userAgent: 'ringtrace',
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidArgument('NEO4J_URI', `"${safeUri(o.uri)}" is not a Neo4j address: ${reason}`);
  }
}

export function createNeo4jStore(options: Neo4jStoreOptions): Neo4jStore {
  const queryTimeoutMs = options.queryTimeoutMs ?? 30_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const indexWaitSeconds = options.indexWaitSeconds ?? 300;
  const database = options.database;
  const driver = openDriver(options, connectTimeoutMs, queryTimeoutMs);
  const exec: Executor = createExecutor(driver, { database, timeoutMs: queryTimeoutMs });
  // Index population can outlast a query: the schema runs with its own, longer timeout.
  const schemaExec = createExecutor(driver, { database, timeoutMs: (indexWaitSeconds + 60) * 1000 });
  const s = createNeo4jStatements(model);
  let version = 'unknown';

  const info: StoreInfo = {
    engine: 'neo4j',
    location: `${safeUri(options.uri)}${database ? ` (database ${database})` : ''}`,
    get version() {
      return version;
    },
  };

  async function applySchema(stmt: CypherStatement, params: Record<string, unknown> = {}) {
    try {
      await schemaExec.write(`schema:${stmt.name}`, (tx) => tx.run(stmt, params));
    } catch (error) {
      if (error instanceof DomainError && ALREADY_EXISTS.has(String(error.details['engineCode']))) return;
      throw error;
    }
  }

  return {
    info,

    async init() {
      try {
        const server = await withDeadline(
          driver.getServerInfo(database === undefined ? {} : { database }),
          connectTimeoutMs + 1_000,
          'connect',
        );
        version = server.agent ?? 'unknown';
      } catch (error) {
        throw unreachable(options.uri, error);
      }
      for (const stmt of s.schema) await applySchema(stmt);
      await applySchema(s.awaitIndexes, { timeoutSeconds: int(indexWaitSeconds) });
    },

    async close() {
      await driver.close();
    },

    async write(batch, options) {
      const prepared = prepareBatch(batch);
      if (prepared.entities.length === 0 && prepared.links.length === 0) {
        const none = { created: 0, updated: 0, unchanged: 0 };
        return { entities: none, links: none };
      }
      return exec.write('write', (tx) => writeBatchIn(tx, s, prepared, options));
    },

    async removeEntities(ids) {
      const unique = removalIds('ids', ids);
      if (unique.length === 0) return { entities: 0, links: 0 };
      return exec.write('removeEntities', (tx) => removeEntitiesIn(tx, s, unique));
    },

    async removeLinks(ids) {
      const unique = removalIds('ids', ids);
      if (unique.length === 0) return 0;
      return exec.write('removeLinks', (tx) => removeLinksIn(tx, s, unique));
    },

    async retractSources(sha256s) {
      const files = sha256sIn('sha256s', sha256s);
      if (files.length === 0) return { entities: { updated: 0, removed: 0 }, links: { updated: 0, removed: 0 } };
      return exec.write('retractSources', (tx) => retractSourcesIn(tx, s, files));
    },

    async getEntities(ids) {
      if (ids.length === 0) return [];
      return exec.read('getEntities', (tx) => getEntitiesIn(tx, s, ids));
    },

    async getLinks(ids) {
      if (ids.length === 0) return [];
      return exec.read('getLinks', (tx) => getLinksIn(tx, s, ids));
    },

    async search(searchOptions) {
      const checked = checkSearch(searchOptions);
      return exec.read('search', (tx) => searchIn(tx, s, checked));
    },

    async expand(expandOptions) {
      const checked = checkExpand(expandOptions);
      return exec.read('expand', (tx) => expandIn(tx, s, checked));
    },

    async shortestPaths(pathOptions) {
      const checked = checkPaths(pathOptions);
      return exec.read('shortestPaths', (tx) => shortestPathsIn(tx, s, checked));
    },

    async countByKind() {
      return exec.read('countByKind', async (tx) => {
        const out: Record<string, number> = {};
        for (const k of model.kinds) out[k.name] = Number((await tx.run(s.countKind(k.name), {}))[0]?.['count'] ?? 0);
        return out;
      });
    },

    async deleteAll() {
      for (const k of model.kinds) {
        let deleted: number;
        do {
          const [row] = await exec.write('deleteAll', (tx) =>
            tx.run(s.deleteKindBatch(k.name), { batch: int(DELETE_BATCH) }),
          );
          deleted = Number(row?.['deleted'] ?? 0);
        } while (deleted > 0);
      }
    },

    runRead: (cypher, params, o) => runReadNeo4j(driver, { database, queryTimeoutMs }, cypher, params, o),

    async countByLinkType() {
      return exec.read('countByLinkType', async (tx) => {
        const out: Record<string, number> = {};
        for (const r of model.relationships) {
          out[r.name] = Number((await tx.run(s.countLinkType(r.name), {}))[0]?.['count'] ?? 0);
        }
        return out;
      });
    },
  };
}
