/**
 * What the read-only guard allows, as data: the clauses a query may start with, the procedures CALL may
 * name per dialect, the function namespaces, and the reason given for each refused keyword. Allowlists,
 * not trust: a clause or procedure missing here is refused, whatever it does.
 */

export type Dialect = 'neo4j' | 'embedded';

/** A query must start with one of these (every Kuzu and Neo4j statement that is not a query starts otherwise). */
export const FIRST_WORDS = new Set(['MATCH', 'OPTIONAL', 'UNWIND', 'WITH', 'RETURN', 'CALL']);

/**
 * Words that begin a clause or statement that is not a read. A bare (not backticked) occurrence anywhere
 * outside strings and comments, other than as a property key or label, is refused with this reason.
 */
export const REFUSED_WORDS: Readonly<Record<string, string>> = {
  CREATE: 'CREATE writes to the graph (or the schema)',
  MERGE: 'MERGE writes to the graph',
  SET: 'SET writes properties or labels',
  DELETE: 'DELETE removes data',
  DETACH: 'DETACH DELETE removes data (and DETACH DATABASE detaches a database)',
  REMOVE: 'REMOVE deletes properties or labels',
  FOREACH: 'FOREACH exists to write',
  INSERT: 'INSERT writes to the graph',
  LOAD: 'LOAD FROM / LOAD CSV / LOAD EXTENSION read files from the server (Kuzu allows LOAD FROM even in read-only mode)',
  COPY: 'COPY reads or writes files on the server',
  EXPORT: 'EXPORT DATABASE writes files on the server',
  IMPORT: 'IMPORT DATABASE reads files and writes the database',
  ATTACH: 'ATTACH opens another database',
  USE: 'USE switches to another database',
  INSTALL: 'INSTALL downloads and installs an extension',
  UNINSTALL: 'UNINSTALL removes an extension',
  DROP: 'DROP changes the schema',
  ALTER: 'ALTER changes the schema or the server',
  RENAME: 'RENAME changes the schema or users',
  TRUNCATE: 'TRUNCATE removes data',
  COMMENT: 'COMMENT ON changes the catalog',
  BEGIN: 'transaction control is the server’s job',
  COMMIT: 'transaction control is the server’s job',
  ROLLBACK: 'transaction control is the server’s job',
  CHECKPOINT: 'CHECKPOINT writes the database file',
  TRANSACTIONS: 'CALL { } IN TRANSACTIONS exists to write in batches',
  SHOW: 'SHOW commands are administration',
  TERMINATE: 'TERMINATE stops other users’ transactions',
  GRANT: 'GRANT is administration',
  DENY: 'DENY is administration',
  REVOKE: 'REVOKE is administration',
  START: 'START DATABASE is administration',
  STOP: 'STOP DATABASE is administration',
  ENABLE: 'ENABLE SERVER is administration',
  DEALLOCATE: 'DEALLOCATE is administration',
  REALLOCATE: 'REALLOCATE is administration',
  EXPLAIN: 'EXPLAIN is not a query (the runner answers queries only)',
  PROFILE: 'PROFILE runs the query with instrumentation: run it without PROFILE',
  CYPHER: 'CYPHER options change the planner or runtime: leave them to the server',
  DEFINE: 'local procedure definitions are not allowed',
};

/** Procedures CALL may name, per dialect (compared case-insensitively), with what each one is for. */
export const ALLOWED_PROCEDURES: Readonly<Record<Dialect, Readonly<Record<string, string>>>> = {
  neo4j: {
    'db.labels': 'the labels in use',
    'db.relationshiptypes': 'the relationship types in use',
    'db.propertykeys': 'the property keys in use',
    'db.index.fulltext.querynodes': 'full-text search over nodes',
    'db.index.fulltext.queryrelationships': 'full-text search over relationships',
  },
  embedded: {
    page_rank: 'PageRank over the projected graph (algo extension)',
    weakly_connected_components: 'weakly connected components over the projected graph (algo extension)',
    strongly_connected_components: 'strongly connected components over the projected graph (algo extension)',
    k_core_decomposition: 'k-core decomposition over the projected graph (algo extension)',
    louvain: 'Louvain communities over the projected graph (algo extension; one node table)',
    query_fts_index: 'full-text search (fts extension)',
    show_tables: 'the tables of the schema',
    table_info: 'the columns of a table',
    show_connection: 'the FROM/TO pairs of a rel table',
    db_version: 'the engine version',
  },
};

/** Why a family of procedures is refused, by its first name part; anything else gets a generic reason. */
export const REFUSED_PROCEDURE_FAMILIES: Readonly<Record<string, string>> = {
  dbms: 'dbms procedures administer the server',
  apoc: 'APOC procedures can read files and URLs, run arbitrary Cypher and write',
  gds: 'GDS procedures write to the graph catalog (and can write back to the graph)',
  db: 'only the schema and full-text db procedures are allowlisted',
  tx: 'tx procedures change transaction metadata',
};

/**
 * Namespaced functions (`ns.fn(...)`) allowed by their first part. Plugins register their functions
 * under their own namespace (APOC's can load URLs), so any other namespace is refused.
 */
export const ALLOWED_FUNCTION_NAMESPACES = new Set([
  'date',
  'datetime',
  'localdatetime',
  'localtime',
  'time',
  'duration',
  'point',
  'vector',
]);

/** Plain functions that write or touch state, refused with a reason. */
export const REFUSED_FUNCTIONS: Readonly<Record<string, string>> = {
  nextval: 'nextval() advances a sequence (a write)',
  copy_json: 'copy_json() is part of COPY',
  file: 'file() belongs to LOAD CSV',
  linenumber: 'linenumber() belongs to LOAD CSV',
};

export interface GuardLimits {
  /** Most elements a `range()` may produce (its bounds must be literals). */
  readonly maxRangeElements: number;
  /** Most elements all the `range()` calls of one query may produce together. */
  readonly maxRangeTotal: number;
  /** Largest upper bound of a variable-length pattern or quantifier that walks. */
  readonly maxHops: number;
  /** Largest upper bound of a shortest-path pattern (a breadth-first search). */
  readonly maxShortestHops: number;
}

/**
 * Measured on Kuzu 0.11.3 (server/README.md "Saved queries"): `range(1, 1e6)` builds a 600 MB list in 1.5 s
 * that the query timeout cannot interrupt (`range(1, 5e7)` grew past 20 GB until the kernel killed the
 * process); literal ranges are evaluated once, about 0.05 s per 1e5 elements, also uninterrupted. So each
 * range() gets at most 1e5 elements and a query 1e6 in all (about 0.5 s the timeout cannot cut short).
 * Variable-length walks are interrupted by the timeout, but an upper bound keeps them from exploding first.
 */
export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  maxRangeElements: 100_000,
  maxRangeTotal: 1_000_000,
  maxHops: 10,
  maxShortestHops: 30,
};
