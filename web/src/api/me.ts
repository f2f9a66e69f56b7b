import { graphql } from './graphql.js';

/** Who the token belongs to and what they may do (server/src/domain/access: roles and rights). */
export interface Me {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  /** The rights the role holds (`graph:read`, `personal:read`, `query:run`, ...): the UI hides what is not here. */
  readonly rights: readonly string[];
  /** How the caller signed in: an API token or single sign-on. */
  readonly via: string;
}

export const ME = /* GraphQL */ `
  query Me {
    me {
      id
      name
      role
      rights
      via
    }
  }
`;

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const { me } = await graphql<{ me: Me }>(ME, {}, signal);
  return me;
}
