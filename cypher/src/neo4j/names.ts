import type { KindShape, ModelShape, RelationshipShape } from '../model-shape.js';

// Labels, relationship types and property keys are spliced into statement text (Cypher cannot take them as
// parameters), so each one must be a plain identifier that came from the model, never from a request.
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

function identifier(what: string, name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${what} "${name}" is not a plain identifier`);
  return name;
}

/** The model's kind by name, refusing one the model does not declare. */
export function kindIn(model: ModelShape, name: string): KindShape {
  const kind = model.kinds.find((k) => k.name === name);
  if (!kind) throw new Error(`unknown kind "${name}"`);
  identifier('label', kind.name);
  for (const p of Object.keys(kind.properties)) identifier('property', p);
  return kind;
}

/** The model's relationship type by name, refusing one the model does not declare. */
export function relationshipIn(model: ModelShape, name: string): RelationshipShape {
  const rel = model.relationships.find((r) => r.name === name);
  if (!rel) throw new Error(`unknown relationship type "${name}"`);
  identifier('relationship type', rel.name);
  for (const p of Object.keys(rel.properties)) identifier('property', p);
  return rel;
}

export const investigationKindsOf = (model: ModelShape): KindShape[] => model.kinds.filter((k) => !k.system);
export const systemKindsOf = (model: ModelShape): KindShape[] => model.kinds.filter((k) => k.system === true);

/** Properties written through `datetime()` or `date()` rather than as plain values. */
export const temporalProperties = (owner: KindShape | RelationshipShape): Array<[string, 'date' | 'datetime']> =>
  Object.entries(owner.properties).flatMap(([name, def]) =>
    def.type === 'date' || def.type === 'datetime' ? [[name, def.type] as [string, 'date' | 'datetime']] : [],
  );
