import { graphql } from './graphql.js';

/** Hand-written until the API grows enough to generate types from the SDL (next issue). */
export interface OverviewData {
  stats: {
    engine: string;
    version: string;
    entities: Array<{ kind: string; count: number }>;
    links: Array<{ type: string; count: number }>;
  };
  model: {
    kinds: Array<{ name: string; description: string; system: boolean; display: { colour: string; icon: string } }>;
    relationships: Array<{ name: string; description: string; display: { colour: string; label: string } }>;
  };
}

const OVERVIEW = /* GraphQL */ `
  query Overview {
    stats {
      engine
      version
      entities {
        kind
        count
      }
      links {
        type
        count
      }
    }
    model {
      kinds {
        name
        description
        system
        display {
          colour
          icon
        }
      }
      relationships {
        name
        description
        display {
          colour
          label
        }
      }
    }
  }
`;

export const fetchOverview = (signal?: AbortSignal) => graphql<OverviewData>(OVERVIEW, {}, signal);
