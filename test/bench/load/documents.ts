/**
 * The GraphQL documents the load clients POST: the web app's own (web/src/api/search.ts, neighbourhood.ts,
 * paths.ts with the fragments of wire.ts), so a request selects what the canvas selects.
 */

const ENTITY_FIELDS = `
  fragment EntityFields on Entity { id kind caption properties }
`;

const SUBGRAPH_FIELDS = `
  fragment SubgraphFields on Subgraph {
    entities { ...EntityFields }
    links { ...LinkFields }
    truncated { bound value omitted }
    rollups { type from { id } to { id } count totals { asset amount } firstAt lastAt linkIds }
  }
  fragment LinkFields on Link { id type properties from { id } to { id } }
  ${ENTITY_FIELDS}
`;

export const SEARCH = `
  query Search($text: String!, $kinds: [String!], $first: Int! = 20, $after: String) {
    search(text: $text, kinds: $kinds, first: $first, after: $after) {
      edges { cursor score node { ...EntityFields } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
  ${ENTITY_FIELDS}
`;

export const NEIGHBOURHOOD = `
  query Neighbourhood($ids: [ID!]!, $depth: Int! = 1, $kinds: [String!], $linkTypes: [String!], $limit: Int! = 100) {
    neighbourhood(ids: $ids, depth: $depth, kinds: $kinds, linkTypes: $linkTypes, limit: $limit) {
      ...SubgraphFields
    }
  }
  ${SUBGRAPH_FIELDS}
`;

export const PATHS = `
  query Paths($from: ID!, $to: ID!, $maxHops: Int! = 6, $limit: Int! = 10, $linkTypes: [String!]) {
    paths(from: $from, to: $to, maxHops: $maxHops, limit: $limit, linkTypes: $linkTypes) {
      paths { entityIds linkIds hops }
      subgraph { ...SubgraphFields }
    }
  }
  ${SUBGRAPH_FIELDS}
`;

export const RUN_CYPHER = `
  query RunCypher($query: String!, $rowCap: Int, $timeoutMs: Int) {
    runCypher(query: $query, rowCap: $rowCap, timeoutMs: $timeoutMs) { columns rows truncated { bound omitted } }
  }
`;

/** A JSON POST body as the web app sends it. */
export const body = (query: string, variables: Record<string, unknown>, operationName?: string) =>
  JSON.stringify({ query, variables, ...(operationName !== undefined && { operationName }) });
