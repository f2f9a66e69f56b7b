export { createNeo4jStore, type Neo4jStore, type Neo4jStoreOptions } from './store.js';
