/**
 * The tables a bulk load found empty when it began, and the entities it has created in them since. In
 * such a table nothing exists but what the load created, so an id it did not create needs no lookup, and
 * a rel table holds no link at all until the load's staged links go in at its end (staged-links.ts): no
 * lookup either. Loading a file into a fresh case is the common bulk load; at 1e6 call records the
 * lookups of new victims alone took 8.4 s of 68, and checking that links' ends exist (victims created by
 * an earlier batch) another 9.2 s. Ids created are kept as strings (about 60 bytes each).
 */
export class FreshTables {
  private readonly created = new Set<string>();

  constructor(private readonly tables: ReadonlySet<string>) {}

  /** Whether the table was empty when the load began. */
  has(table: string): boolean {
    return this.tables.has(table);
  }

  /** Whether an entity of a fresh kind exists: only what the load created can. */
  exists(id: string): boolean {
    return this.created.has(id);
  }

  /** Of these ids of a fresh kind, the ones the load created (the only ones that can exist). */
  createdOf(ids: readonly string[]): string[] {
    return ids.filter((id) => this.exists(id));
  }

  /** Entities of a fresh kind that a committed batch created. */
  add(kind: string, ids: Iterable<string>): void {
    if (!this.tables.has(kind)) return;
    for (const id of ids) this.created.add(id);
  }
}
