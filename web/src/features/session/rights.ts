/**
 * What the signed-in role may do, read from the `me` query's rights (the server's table, never copied
 * here), and the words for what it may not. Pure: the panels hide or disable what a role lacks, and the
 * server still refuses it (403) if asked.
 */

import type { Me } from '../../api/me';

export const can = (me: Pick<Me, 'rights'>, right: string): boolean => me.rights.includes(right);

/** Why a control is disabled, or undefined when the role has the right. */
export function lacking(me: Pick<Me, 'rights' | 'role'>, right: string, what: string): string | undefined {
  return can(me, right) ? undefined : `${what} need the right “${right}”, which your role (${me.role}) does not have.`;
}
