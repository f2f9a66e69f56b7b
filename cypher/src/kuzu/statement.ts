/**
 * A statement for Kuzu with the parameters it expects. The adapter binds exactly these: Kuzu rejects an
 * unknown parameter ("Parameter x not found") and silently reads a missing one as NULL.
 */
export interface KuzuStatement {
  readonly text: string;
  readonly params: readonly string[];
  /** Kuzu cannot prepare some statements (CREATE_FTS_INDEX runs several): the adapter sends them as queries. */
  readonly unprepared?: boolean;
}

export const statement = (text: string, params: readonly string[] = [], unprepared = false): KuzuStatement =>
  unprepared ? { text, params, unprepared } : { text, params };

/** The parameter name (and row field name) of a model property: prefixed so it never meets a keyword. */
export const propParam = (property: string) => `p_${property}`;
