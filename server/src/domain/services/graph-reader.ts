/**
 * What the read services need from a store, declared structurally: the domain imports nothing from
 * store/ (ESLint), and the GraphStore port satisfies this as it is. Shapes mirror store/port.ts.
 */
import type { Entity, Link, PathResult, Subgraph } from '../graph.js';

export interface GraphReader {
  getEntities(ids: readonly string[]): Promise<Entity[]>;
  getLinks(ids: readonly string[]): Promise<Link[]>;
  search(options: {
    readonly text: string;
    readonly kinds?: readonly string[];
    readonly limit: number;
    readonly offset: number;
  }): Promise<{
    readonly hits: readonly { readonly entity: Entity; readonly score: number }[];
    readonly total: number;
  }>;
  expand(options: {
    readonly seeds: readonly string[];
    readonly depth: number;
    readonly kinds?: readonly string[];
    readonly linkTypes?: readonly string[];
    readonly limit: number;
  }): Promise<Subgraph>;
  shortestPaths(options: {
    readonly from: string;
    readonly to: string;
    readonly maxHops: number;
    readonly linkTypes?: readonly string[];
    readonly limit: number;
  }): Promise<PathResult>;
}
