/**
 * The part of the model (GraphQL `model` query) the canvas draws with. Declared here, structurally, so
 * the canvas depends on no api module: whatever the api returns for `model` fits as long as it has these.
 */

export interface KindStyle {
  readonly name: string;
  readonly system?: boolean;
  readonly display: { readonly colour: string; readonly icon: string; readonly caption?: string };
}

export interface RelationshipStyle {
  readonly name: string;
  readonly cardinality?: string;
  readonly endpoints?: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly display: { readonly colour: string; readonly label: string };
}

export interface StyleModel {
  readonly kinds: readonly KindStyle[];
  readonly relationships: readonly RelationshipStyle[];
}

/** Relationship types that can touch an entity of `kind` (either end), in the model's order. */
export function relationshipsOf(model: StyleModel, kind: string): RelationshipStyle[] {
  return model.relationships.filter((r) => !r.endpoints || r.endpoints.some((e) => e.from === kind || e.to === kind));
}
