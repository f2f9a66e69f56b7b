/** The api layer: transport (graphql.ts) and one typed function per operation; answers in the scene's shapes. */
export { ApiError, graphql } from './graphql.js';
export { session, authHeaders, tokenFromInput, type Session, type SignOutReason } from './session.js';
export { fetchMe, type Me } from './me.js';
export { fetchModel, type ModelData, type KindInfo, type RelationshipInfo, type PropertyInfo } from './model.js';
export { searchEntities, type SearchArgs, type SearchHit, type SearchPage } from './search.js';
export { fetchEntities, fetchExistingEntities, fetchLinks, IDS_PER_CALL, type Found } from './entities.js';
export { fetchNeighbourhood, type NeighbourhoodArgs } from './neighbourhood.js';
export {
  fetchPaths,
  fetchConnectingNetwork,
  type PathsArgs,
  type PathsAnswer,
  type ConnectingNetworkArgs,
  type ConnectingNetworkAnswer,
} from './paths.js';
export { fetchProvenance, type Provenance, type Source } from './provenance.js';
export type { Path, Subgraph } from './wire.js';
export { fetchOverview, type OverviewData } from './overview.js';
export {
  fetchSavedQueries,
  runSavedQuery,
  runCypher,
  isTimeout,
  type SavedQueryInfo,
  type QueryParamInfo,
  type ParamTypeName,
  type QueryAnswer,
  type JsonCell,
  type RunBounds,
  type RunSavedQueryArgs,
  type RunCypherArgs,
} from './queries.js';
