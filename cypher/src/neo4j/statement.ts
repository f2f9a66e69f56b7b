/**
 * A Cypher statement as the Neo4j adapter sends it: fixed text plus the names of the parameters it reads.
 * The text never holds user data; labels and relationship types in it come from the model only.
 */
export interface CypherStatement {
  /** Stable name for logs, transaction metadata and the fidelity test, e.g. `entity.upsert.Victim`. */
  readonly name: string;
  readonly text: string;
  /** Every `$parameter` the text reads; the fidelity test declares exactly these to the linter. */
  readonly params: readonly string[];
}

export const statement = (name: string, params: readonly string[], lines: readonly string[]): CypherStatement => ({
  name,
  params,
  text: lines.join('\n'),
});
