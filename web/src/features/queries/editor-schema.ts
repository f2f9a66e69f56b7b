/**
 * What the Cypher editor completes from, derived from the model (the `model` query): every kind is a
 * label, every relationship type a type, and the property keys are the model's properties plus the
 * columns every stored entity and link has. Shaped as the editor's `EditorSupportSchema` (declared here
 * structurally so this stays pure and needs no editor package). Pure.
 */

export interface SchemaModel {
  readonly kinds: ReadonlyArray<{
    readonly name: string;
    readonly properties: ReadonlyArray<{ readonly name: string }>;
  }>;
  readonly relationships: ReadonlyArray<{
    readonly name: string;
    readonly properties: ReadonlyArray<{ readonly name: string }>;
  }>;
}

export interface EditorSchema {
  readonly labels: string[];
  readonly relationshipTypes: string[];
  readonly propertyKeys: string[];
  /** Names after `$`, without it. */
  readonly parameters: string[];
  readonly functions: Array<{ name: string; signature: string }>;
  readonly procedures: Array<{
    name: string;
    signature: string;
    returnItems: Array<{ name: string; signature: string }>;
  }>;
}

/** Stored on every entity and link besides the model's properties (cypher/src/schema). */
const STORED = ['id', 'caption', 'sources'];

const sorted = (names: Iterable<string>) => [...new Set(names)].sort((a, b) => a.localeCompare(b));

/**
 * No procedures: the algorithms the embedded runner allows need a projection only saved queries make
 * (`// project:`), so offering them in the ad-hoc editor would only lead to a failure.
 */
export function editorSchema(model: SchemaModel, parameters: readonly string[] = []): EditorSchema {
  return {
    labels: sorted(model.kinds.map((k) => k.name)),
    relationshipTypes: sorted(model.relationships.map((r) => r.name)),
    propertyKeys: sorted([
      ...STORED,
      ...model.kinds.flatMap((k) => k.properties.map((p) => p.name)),
      ...model.relationships.flatMap((r) => r.properties.map((p) => p.name)),
    ]),
    parameters: sorted(parameters),
    functions: [],
    procedures: [],
  };
}
