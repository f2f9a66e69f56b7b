/**
 * What the edit services need from a store, declared structurally like graph-reader.ts: the domain imports
 * nothing from store/, and the GraphStore port satisfies this as it is. Shapes mirror store/port.ts.
 */
import type { Entity, Link, Subgraph, WriteBatch } from '../graph.js';

export interface GraphEditor {
  getEntities(ids: readonly string[]): Promise<Entity[]>;
  getLinks(ids: readonly string[]): Promise<Link[]>;
  /** Used at depth 1 to see every link of an entity before it is removed. */
  expand(options: {
    readonly seeds: readonly string[];
    readonly depth: number;
    readonly limit: number;
    readonly linkLimit?: number;
  }): Promise<Subgraph>;
  /** Idempotent upsert in one transaction; a fact keeps every source it was ever written with. */
  write(batch: WriteBatch): Promise<unknown>;
  /** Entities with every link they have, in one transaction; ids that do not exist are skipped. */
  removeEntities(ids: readonly string[]): Promise<{ readonly entities: number; readonly links: number }>;
  removeLinks(ids: readonly string[]): Promise<number>;
}
