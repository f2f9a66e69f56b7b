import type { AuditTrail } from '../../audit/audit-trail.js';
import type { AuditStatus } from '../../audit/entry.js';
import { MAX_PAGE } from '../../audit/read-entries.js';
import type { AuditContext } from '../../audit/use-audit-trail.js';
import { DomainError, invalidArgument } from '../../domain/errors.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const STATUSES: readonly AuditStatus[] = ['ok', 'error', 'denied', 'unauthenticated'];

/** The trail the audit plugin put in the context (audit/use-audit-trail.ts); an app without one has none. */
function trailOf(context: GraphQLContext): AuditTrail {
  const trail = (context as GraphQLContext & AuditContext).audit;
  if (!trail) throw new DomainError('UNAVAILABLE', 'this server keeps no audit trail');
  return trail;
}

export const auditResolvers: Resolvers = {
  Query: {
    async auditTrail(_, { after, first, who, action, outcome }, context) {
      if (!Number.isSafeInteger(first) || first < 1 || first > MAX_PAGE) {
        throw invalidArgument('first', `must be from 1 to ${MAX_PAGE}, got ${first}`);
      }
      if (after != null && after < 0) throw invalidArgument('after', `must be 0 or more, got ${after}`);
      if (outcome != null && !STATUSES.includes(outcome as AuditStatus)) {
        throw invalidArgument('outcome', `must be one of ${STATUSES.join(', ')}, got "${outcome}"`);
      }
      const page = await trailOf(context).read({
        after: after ?? 0,
        first,
        who: who ?? undefined,
        action: action ?? undefined,
        outcome: (outcome as AuditStatus | null) ?? undefined,
      });
      return { entries: page.entries, nextAfter: page.nextAfter, hasMore: page.hasMore };
    },
    async auditVerification(_, { anchorSeq, anchorHash }, context) {
      if ((anchorSeq == null) !== (anchorHash == null)) {
        throw invalidArgument(anchorSeq == null ? 'anchorSeq' : 'anchorHash', 'give both anchorSeq and anchorHash, or neither');
      }
      const anchor = anchorSeq != null && anchorHash != null ? { seq: anchorSeq, hash: anchorHash } : undefined;
      const { ok, entries, head, problem, warnings } = await trailOf(context).verify({ anchor });
      return { ok, entries, head, problem, warnings: [...warnings] };
    },
  },
};
