/** The model as data (kinds, relationship types, display hints): styles, legend and menus derive from it. */
import { graphql } from './graphql.js';

export interface PropertyInfo {
  name: string;
  /** string, int, float, boolean, date, datetime, decimal or string[]. */
  type: string;
  description: string;
  searchable: boolean;
  personal: boolean;
  values: string[] | null;
}

export interface KindInfo {
  name: string;
  description: string;
  idPrefix: string;
  /** Provenance kinds: stored, not drawn. */
  system: boolean;
  display: { colour: string; icon: string; caption: string };
  properties: PropertyInfo[];
}

export interface RelationshipInfo {
  name: string;
  description: string;
  endpoints: Array<{ from: string; to: string }>;
  /** `structural` (one per pair) or `event` (many per pair, with time). */
  cardinality: string;
  display: { colour: string; label: string };
  properties: PropertyInfo[];
}

export interface ModelData {
  kinds: KindInfo[];
  relationships: RelationshipInfo[];
}

const MODEL = /* GraphQL */ `
  query Model {
    model {
      kinds {
        name
        description
        idPrefix
        system
        display {
          colour
          icon
          caption
        }
        properties {
          ...PropertyFields
        }
      }
      relationships {
        name
        description
        endpoints {
          from
          to
        }
        cardinality
        display {
          colour
          label
        }
        properties {
          ...PropertyFields
        }
      }
    }
  }
  fragment PropertyFields on PropertyInfo {
    name
    type
    description
    searchable
    personal
    values
  }
`;

export async function fetchModel(signal?: AbortSignal): Promise<ModelData> {
  return (await graphql<{ model: ModelData }>(MODEL, {}, signal)).model;
}
