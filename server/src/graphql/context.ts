import type { GraphStore } from '../store/port.js';

/** What every resolver receives: the store port, never an adapter. */
export interface GraphQLContext {
  readonly store: GraphStore;
}
