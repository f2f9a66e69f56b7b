import { model, type PropertyDef } from '../../domain/model/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const properties = (defs: Readonly<Record<string, PropertyDef>>) =>
  Object.entries(defs).map(([name, def]) => ({
    name,
    type: def.type,
    description: def.description,
    searchable: def.searchable ?? false,
    personal: def.personal ?? false,
    values: def.values ?? null,
  }));

/** The model as the API shows it; computed once, the model is constant. */
const modelView = {
  kinds: model.kinds.map((k) => ({
    name: k.name,
    description: k.description,
    idPrefix: k.idPrefix,
    system: k.system ?? false,
    display: k.display,
    properties: properties(k.properties),
  })),
  relationships: model.relationships.map((r) => ({
    name: r.name,
    description: r.description,
    endpoints: r.endpoints.map(([from, to]) => ({ from, to })),
    cardinality: r.cardinality.kind,
    display: r.display,
    properties: properties(r.properties),
  })),
};

export const modelResolvers: Resolvers = {
  Query: { model: () => modelView },
};
