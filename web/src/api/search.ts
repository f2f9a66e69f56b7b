/** Typeahead: full-text search over the searchable properties, ranked, paged by cursor. */
import type { GraphEntity } from '../scene/types.js';
import { graphql } from './graphql.js';
import { ENTITY_FIELDS, toEntity, type WireEntity } from './wire.js';

export interface SearchArgs {
  readonly text: string;
  /** Kinds searched; absent or empty: all. */
  readonly kinds?: readonly string[];
  /** 1 to 100 (server default 20). */
  readonly first?: number;
  /** `endCursor` of the previous page. */
  readonly after?: string | null;
}

export interface SearchHit {
  readonly id: string;
  readonly kind: string;
  readonly caption: string;
  /** Relevance, higher is better; only roughly comparable across kinds. */
  readonly score: number;
  readonly cursor: string;
  /** The whole entity, ready for `addSubgraph`. */
  readonly entity: GraphEntity;
}

/** Why `totalCount` is only a lower bound (a search without `personal:read` checks hits up to a bound). */
export interface SearchTruncation {
  /** `maxCheckedHits`: hits beyond the first `value` matches were not checked; `pageFull`: later pages go on. */
  readonly bound: string;
  readonly value: number;
}

export interface SearchPage {
  readonly hits: readonly SearchHit[];
  /** A lower bound when `truncated` is set. */
  readonly totalCount: number;
  readonly truncated: SearchTruncation | null;
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $kinds: [String!], $first: Int! = 20, $after: String) {
    search(text: $text, kinds: $kinds, first: $first, after: $after) {
      edges {
        cursor
        score
        node {
          ...EntityFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
      truncated {
        bound
        value
      }
    }
  }
  ${ENTITY_FIELDS}
`;

interface SearchData {
  search: {
    edges: Array<{ cursor: string; score: number; node: WireEntity }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
    truncated?: SearchTruncation | null;
  };
}

export async function searchEntities(args: SearchArgs, signal?: AbortSignal): Promise<SearchPage> {
  const variables = {
    text: args.text,
    ...(args.kinds && args.kinds.length > 0 && { kinds: args.kinds }),
    ...(args.first !== undefined && { first: args.first }),
    ...(args.after && { after: args.after }),
  };
  const { search } = await graphql<SearchData>(SEARCH, variables, signal);
  return {
    hits: search.edges.map(({ cursor, score, node }) => {
      const entity = toEntity(node);
      return { id: entity.id, kind: entity.kind, caption: entity.caption, score, cursor, entity };
    }),
    totalCount: search.totalCount,
    truncated: search.truncated ?? null,
    hasNextPage: search.pageInfo.hasNextPage,
    endCursor: search.pageInfo.endCursor,
  };
}
