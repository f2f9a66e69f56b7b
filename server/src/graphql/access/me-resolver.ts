import { ROLE_RIGHTS } from '../../domain/access/rights.js';
import type { Resolvers } from '../generated/resolvers-types.js';

/** `me`: who this request is signed in as, and what that role may do (the web shows it). */
export const meResolvers: Resolvers = {
  Query: {
    me: (_parent, _args, { caller }) => ({
      id: caller.id,
      name: caller.name,
      role: caller.role,
      rights: [...ROLE_RIGHTS[caller.role]],
      via: caller.via,
    }),
  },
};
