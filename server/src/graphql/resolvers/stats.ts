import { model } from '../../domain/model/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const statsResolvers: Resolvers = {
  Query: {
    async stats(_parent, _args, { store }) {
      const [byKind, byType] = await Promise.all([store.countByKind(), store.countByLinkType()]);
      // Listed from the model, not from the engine, so an empty kind shows as 0 rather than missing.
      return {
        engine: store.info.engine,
        version: store.info.version,
        entities: model.kinds.map((k) => ({ kind: k.name, count: byKind[k.name] ?? 0 })),
        links: model.relationships.map((r) => ({ type: r.name, count: byType[r.name] ?? 0 })),
      };
    },
  },
};
