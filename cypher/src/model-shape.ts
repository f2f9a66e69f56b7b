/**
 * The part of Ringtrace's model that statement builders and schema generators read.
 * Structural on purpose: `cypher/` does not import the server (the server imports `cypher/`), so the server
 * passes its one model in and TypeScript checks that it fits this shape.
 */
export type PropertyTypeShape = 'string' | 'int' | 'float' | 'boolean' | 'date' | 'datetime' | 'decimal' | 'string[]';

export interface PropertyShape {
  readonly type: PropertyTypeShape;
  readonly searchable?: boolean;
}

export interface KindShape {
  readonly name: string;
  readonly idPrefix: string;
  readonly properties: Readonly<Record<string, PropertyShape>>;
  readonly system?: boolean;
}

export interface RelationshipShape {
  readonly name: string;
  readonly endpoints: ReadonlyArray<readonly [string, string]>;
  readonly properties: Readonly<Record<string, PropertyShape>>;
}

export interface ModelShape {
  readonly kinds: readonly KindShape[];
  readonly relationships: readonly RelationshipShape[];
}
