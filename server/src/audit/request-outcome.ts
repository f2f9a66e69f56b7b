/** How an HTTP answer reads in the trail: its outcome, and the size of a GraphQL result. */
import type { AuditOutcome, AuditStatus } from './entry.js';

/** The code a refusal carries when no GraphQL result says it (answered before any was made). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  413: 'LIMIT_EXCEEDED',
  429: 'LIMIT_EXCEEDED',
};

export function outcomeOf(httpStatus: number, code: string | undefined): AuditOutcome {
  const known = code ?? (httpStatus >= 400 ? CODE_BY_STATUS[httpStatus] : undefined);
  let status: AuditStatus = 'ok';
  if (known === 'UNAUTHENTICATED' || httpStatus === 401) status = 'unauthenticated';
  else if (known === 'FORBIDDEN') status = 'denied';
  else if (known !== undefined || httpStatus >= 400) status = 'error';
  return { status, ...(known !== undefined && { code: known }), httpStatus };
}

interface ResultLike {
  readonly data?: unknown;
  readonly errors?: ReadonlyArray<{ readonly extensions?: Readonly<Record<string, unknown>> }>;
}

/** The first error's code (masked errors carry one; an error without is INTERNAL_SERVER_ERROR). */
export function firstErrorCode(result: ResultLike): string | undefined {
  const first = result.errors?.[0];
  if (!first) return undefined;
  const code = first.extensions?.['code'];
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * Top-level items, where cheap: each root field's list length, or for a root object (a page, a
 * subgraph) the lengths of the lists it holds directly (`entities` + `links`, `items`, `rows`); a root
 * scalar or object without lists counts 1, null 0. A few property reads, never a walk of the result.
 */
export function itemsOf(data: unknown): number | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  let items = 0;
  for (const value of Object.values(data)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      items += value.length;
      continue;
    }
    if (typeof value !== 'object') {
      items += 1;
      continue;
    }
    let lists = 0;
    let inLists = 0;
    for (const member of Object.values(value)) {
      if (Array.isArray(member)) {
        lists++;
        inLists += member.length;
      }
    }
    items += lists > 0 ? inLists : 1;
  }
  return items;
}
