/**
 * A statement for Kuzu with the parameters it expects. The adapter binds exactly these: Kuzu rejects an
 * unknown parameter ("Parameter x not found") and silently reads a missing one as NULL.
 */
export interface KuzuStatement {
  readonly text: string;
  readonly params: readonly string[];
  /** Kuzu cannot prepare some statements (CREATE_FTS_INDEX runs several): the adapter sends them as queries. */
  readonly unprepared?: boolean;
  /**
   * Run on a connection with one execution thread. Kuzu 0.11.3's full-text search matches wildcard terms
   * (`7495*`, `vic?im`) on several threads writing one unsynchronised map: on a multi-threaded connection
   * it fails with an internal error or spins forever (kuzu-store.test.ts: "answers wildcard searches, many
   * at once"). Plain terms are looked up otherwise and are safe on every thread (measured: 1,080 searches).
   */
  readonly singleThreaded?: boolean;
}

export const statement = (text: string, params: readonly string[] = [], unprepared = false): KuzuStatement =>
  unprepared ? { text, params, unprepared } : { text, params };

/** The same statement, marked to run on a one-thread connection (see `singleThreaded`). */
export const singleThreaded = (s: KuzuStatement): KuzuStatement => ({ ...s, singleThreaded: true });

/** The parameter name (and row field name) of a model property: prefixed so it never meets a keyword. */
export const propParam = (property: string) => `p_${property}`;
