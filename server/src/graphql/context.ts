import DataLoader from 'dataloader';
import type { Entity } from '../domain/graph.js';
import type { GraphStore } from '../store/port.js';
import { callerFrom, type Caller } from './caller.js';

/** What every resolver receives: the store port (never an adapter), who is calling, and this request's loaders. */
export interface GraphQLContext {
  readonly store: GraphStore;
  /** The verified caller (auth plugin, caller.ts): every check reads it; edits are recorded under its id. */
  readonly caller: Caller;
  /** Entities by id, batched per request (link ends, source files); null where none exists. */
  readonly entities: DataLoader<string, Entity | null>;
  /**
   * Set for an expensive operation by the concurrency limit (http/concurrency-limit.ts) when it starts:
   * the ms left of the caller's server-time budget, which cuts query timeouts.
   */
  heavyTimeLeftMs?: number;
}

/** The read option that cuts a query's timeout to the caller's server-time budget, if one applies. */
export const budgetOf = (context: GraphQLContext): { budgetMs?: number } =>
  context.heavyTimeLeftMs === undefined ? {} : { budgetMs: context.heavyTimeLeftMs };

/** A fresh context per request: loaders cache for one request only, so no read outlives its answer. */
export function createContext(store: GraphStore, request: Request): GraphQLContext {
  return {
    store,
    caller: callerFrom(request),
    entities: new DataLoader<string, Entity | null>(async (ids) => {
      const found = new Map((await store.getEntities(ids)).map((e) => [e.id, e]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

/** Results that already hold entities seed the loader, so resolving their links asks the store nothing. */
export function primeEntities(context: GraphQLContext, entities: readonly Entity[]): void {
  for (const entity of entities) context.entities.prime(entity.id, entity);
}
