/**
 * The store contract on Neo4j. Runs when NEO4J_URI is set (see README and docker-compose.neo4j.yml);
 * otherwise says so, visibly, and why. Each test gets a store whose Ringtrace data was deleted first, so
 * point NEO4J_URI / NEO4J_DATABASE at a throwaway database: the suite deletes every node of the model's
 * kinds in it (other labels are left alone).
 */
import { loadConfig } from '@ringtrace/server/config.js';
import { createNeo4jStore } from '@ringtrace/server/store/neo4j/index.js';
import { describe, it } from 'vitest';
import { defineStoreContract } from './contract.js';

const neo4j = loadConfig(process.env).neo4j;

if (neo4j === null) {
  const reason = 'NEO4J_URI is not set (no Neo4j server here); set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD to run it';
  console.warn(`store contract on Neo4j: skipped: ${reason}`);
  describe.skip(`store contract on Neo4j (skipped: ${reason})`, () => {
    it('runs every contract test against a real Neo4j', () => undefined);
  });
} else {
  defineStoreContract('neo4j', async () => {
    const store = createNeo4jStore({
      uri: neo4j.uri,
      user: neo4j.user,
      password: neo4j.password,
      ...(neo4j.database !== undefined && { database: neo4j.database }),
      queryTimeoutMs: 60_000,
    });
    try {
      await store.init();
      await store.deleteAll();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  });
}
