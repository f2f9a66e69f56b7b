export { ALLOWED_PROCEDURES, DEFAULT_GUARD_LIMITS, type Dialect, type GuardLimits } from './guard-rules.js';
export { createQueryLibrary, loadQueryLibrary, QUERY_DIR, QueryLibraryError, type QueryLibrary } from './library.js';
export { nearMatches } from './near-matches.js';
export { coerce, expected, formatType, parseType, type ParamType, type ParamValue } from './param-types.js';
export { ParamError, resolveParams } from './params.js';
export { MAX_LIST_ITEMS, MAX_PARAMS, paramValuesProblem, queryParameters } from './param-values.js';
export { checkReadOnly, describeRefusal, type Refusal } from './read-only.js';
export {
  ENGINES,
  PROJECTION_NAME,
  type Engine,
  type Projection,
  type QueryVariant,
  type Returns,
  type SavedQuery,
  type SavedQueryParam,
} from './saved-query.js';
export { validateQueryFile, type Problem, type ValidateOptions } from './validate.js';
