/** Entities and links by id: opening a link or a saved view. */
import type { GraphEntity, GraphLink } from '../scene/types.js';
import { ApiError, graphql } from './graphql.js';
import { ENTITY_FIELDS, LINK_FIELDS, toEntity, toLink, type WireEntity, type WireLink } from './wire.js';

/** The server's bound on ids per call. */
export const IDS_PER_CALL = 500;

const ENTITIES = /* GraphQL */ `
  query Entities($ids: [ID!]!) {
    entities(ids: $ids) {
      ...EntityFields
    }
  }
  ${ENTITY_FIELDS}
`;

const LINKS = /* GraphQL */ `
  query Links($ids: [ID!]!) {
    links(ids: $ids) {
      ...LinkFields
    }
  }
  ${LINK_FIELDS}
`;

const chunks = <T>(xs: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

/** Entities in the order given; any unknown id fails the call with NOT_FOUND naming it. */
export async function fetchEntities(ids: readonly string[], signal?: AbortSignal): Promise<GraphEntity[]> {
  const pages = await Promise.all(
    chunks(ids, IDS_PER_CALL).map((page) => graphql<{ entities: WireEntity[] }>(ENTITIES, { ids: page }, signal)),
  );
  return pages.flatMap((p) => p.entities.map(toEntity));
}

export interface Found<T> {
  readonly found: readonly T[];
  /** Ids the server does not know (any more). */
  readonly missing: readonly string[];
}

/** The server's NOT_FOUND message for an entity (domain/errors.ts `notFound`). */
const NOT_FOUND_ENTITY = /^entity not found: (.+)$/;

/**
 * Entities that still exist, and the ids that do not: `entities(ids)` fails as a whole on an unknown
 * id, so that id is dropped and the rest asked again (a saved view of a changed case restores the rest).
 * One extra round trip per missing id, at most `maxMissing` of them.
 */
export async function fetchExistingEntities(
  ids: readonly string[],
  signal?: AbortSignal,
  maxMissing = 50,
): Promise<Found<GraphEntity>> {
  let remaining = [...new Set(ids)];
  const missing: string[] = [];
  for (;;) {
    try {
      return { found: await fetchEntities(remaining, signal), missing };
    } catch (error) {
      const id =
        error instanceof ApiError && error.code === 'NOT_FOUND' ? NOT_FOUND_ENTITY.exec(error.message)?.[1] : undefined;
      if (id === undefined || !remaining.includes(id) || missing.length >= maxMissing) throw error;
      missing.push(id);
      remaining = remaining.filter((r) => r !== id);
    }
  }
}

/** Links that exist, in the order given, and the ids that name none. */
export async function fetchLinks(ids: readonly string[], signal?: AbortSignal): Promise<Found<GraphLink>> {
  const unique = [...new Set(ids)];
  const pages = await Promise.all(
    chunks(unique, IDS_PER_CALL).map((page) =>
      graphql<{ links: Array<WireLink | null> }>(LINKS, { ids: page }, signal),
    ),
  );
  const answers = pages.flatMap((p) => p.links);
  return {
    found: answers.flatMap((l) => (l ? [toLink(l)] : [])),
    missing: unique.filter((_, i) => !answers[i]),
  };
}
