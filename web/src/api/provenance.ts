/** "Why is this here?": every source file and row behind an entity or a link. */
import { graphql } from './graphql.js';

export interface Source {
  readonly sha256: string;
  /** Row or record inside the file: `line:17`, `record:3`. */
  readonly locator: string;
  /** File details, null when the file's SourceFile entity was never loaded. */
  readonly fileName: string | null;
  readonly title: string | null;
  readonly url: string | null;
  /** seized, reported, synthetic or manual. */
  readonly basis: string | null;
  readonly loadedAt: string | null;
  readonly loadedBy: string | null;
  readonly importRun: string | null;
}

interface End {
  readonly id: string;
  readonly kind: string;
  readonly caption: string;
}

export interface Provenance {
  readonly id: string;
  /** Set when the id is an entity's. */
  readonly entity: End | null;
  /** Set when the id is a link's. */
  readonly link: { readonly id: string; readonly type: string; readonly from: End; readonly to: End } | null;
  readonly sources: readonly Source[];
}

const PROVENANCE = /* GraphQL */ `
  query Provenance($id: ID!) {
    provenance(id: $id) {
      id
      entity {
        ...End
      }
      link {
        id
        type
        from {
          ...End
        }
        to {
          ...End
        }
      }
      sources {
        sha256
        locator
        fileName
        title
        url
        basis
        loadedAt
        loadedBy
        importRun
      }
    }
  }
  fragment End on Entity {
    id
    kind
    caption
  }
`;

/** NOT_FOUND (ApiError) when the id names nothing. */
export async function fetchProvenance(id: string, signal?: AbortSignal): Promise<Provenance> {
  return (await graphql<{ provenance: Provenance }>(PROVENANCE, { id }, signal)).provenance;
}
