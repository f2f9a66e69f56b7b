/** Test data: a saved query and its parameters as the API describes them, with defaults to override. */
import type { QueryParamInfo, SavedQueryInfo } from '../../api/queries';

export function param(over: Partial<QueryParamInfo> & Pick<QueryParamInfo, 'name' | 'type'>): QueryParamInfo {
  return {
    typeText: over.type,
    itemType: null,
    kinds: [],
    required: false,
    optional: false,
    default: null,
    min: null,
    max: null,
    description: '',
    ...over,
  };
}

export function savedQuery(params: QueryParamInfo[], over: Partial<SavedQueryInfo> = {}): SavedQueryInfo {
  return {
    name: 'q',
    title: 'Q',
    description: '',
    engines: ['embedded'],
    supported: true,
    returns: 'both',
    params,
    cypher: 'RETURN 1',
    ...over,
  };
}
