/**
 * "Run query with this node…": the saved queries this server runs that take an id of the node's kind
 * (an `id<Kind>` parameter, a plain `id`, or a list of them), with the parameter the node fills. Pure.
 */
import type { QueryParamInfo, SavedQueryInfo } from '../../api/queries';

export interface NodeQuery {
  readonly query: SavedQueryInfo;
  /** The parameter the node's id goes into. */
  readonly param: string;
}

const takesKind = (p: QueryParamInfo, kind: string) => {
  const isId = p.type === 'id' || (p.type === 'list' && p.itemType === 'id');
  return isId && (p.kinds.length === 0 || p.kinds.includes(kind));
};

/** Queries whose parameter names the kind first, then those taking an id of any kind; by title. */
export function queriesForKind(library: readonly SavedQueryInfo[], kind: string): NodeQuery[] {
  const found: Array<NodeQuery & { exact: boolean }> = [];
  for (const query of library) {
    if (!query.supported) continue;
    const param =
      query.params.find((p) => takesKind(p, kind) && p.kinds.length > 0) ??
      query.params.find((p) => takesKind(p, kind));
    if (param) found.push({ query, param: param.name, exact: param.kinds.length > 0 });
  }
  return found
    .sort((a, b) => Number(b.exact) - Number(a.exact) || a.query.title.localeCompare(b.query.title))
    .map(({ query, param }) => ({ query, param }));
}
