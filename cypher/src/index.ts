export type { ModelShape, KindShape, RelationshipShape, PropertyShape, PropertyTypeShape } from './model-shape.js';
