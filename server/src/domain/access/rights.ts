/**
 * Who may do what, defined once: the rights an operation can need, the roles a token or a sign-in
 * carries, and which rights each role holds. Every check (GraphQL, the import endpoint, the CLI, the
 * redaction of victims' personal fields) and the role-by-operation test matrix read this table; nothing
 * else decides access.
 */

export const RIGHTS = [
  /** Search, open, expand, follow paths and provenance: the canvas. */
  'graph:read',
  /** See properties the model marks `personal` (victims' names, e-mails, phones; birth dates). */
  'personal:read',
  /** Hand edits: create, update, link, remove entities and links (recorded as manual sources). */
  'graph:edit',
  /** Saved and ad-hoc read-only Cypher. */
  'query:run',
  /** Bulk imports and their run list. */
  'import:run',
  /** Undo of an import run (removes every fact only it asserted). */
  'import:undo',
  /** Create, list and revoke API tokens. */
  'tokens:manage',
  /** Read and verify the audit trail. */
  'audit:read',
] as const;
export type Right = (typeof RIGHTS)[number];

/** Ordered from least to most: each role holds every right of the roles before it. */
export const ROLES = ['viewer', 'analyst', 'loader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role adds. Analysts see personal fields because ad-hoc Cypher returns raw values that cannot
 * be redacted column by column; viewers (read and explore) get every personal field redacted instead.
 */
const ADDED: Readonly<Record<Role, readonly Right[]>> = {
  viewer: ['graph:read'],
  analyst: ['personal:read', 'graph:edit', 'query:run'],
  loader: ['import:run'],
  admin: ['import:undo', 'tokens:manage', 'audit:read'],
};

/** Each role's rights: its own and those of every role before it. */
const cumulative = (role: Role): ReadonlySet<Right> =>
  new Set(ROLES.slice(0, ROLES.indexOf(role) + 1).flatMap((r) => ADDED[r]));

export const ROLE_RIGHTS: Readonly<Record<Role, ReadonlySet<Right>>> = Object.freeze({
  viewer: cumulative('viewer'),
  analyst: cumulative('analyst'),
  loader: cumulative('loader'),
  admin: cumulative('admin'),
});

export const hasRight = (role: Role, right: Right): boolean => ROLE_RIGHTS[role].has(right);

/** The least role that holds a right (for "403: needs import:run (role loader or above)"). */
export const leastRoleWith = (right: Right): Role => ROLES.find((role) => hasRight(role, right)) ?? 'admin';

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
