/**
 * Real API tokens for the load clients, created in the server's data directory through the token store
 * (as `ringtrace token create` does) before the server starts: the legitimate users' (half analysts, half
 * viewers, so per-token rate limits see many users) and the hostile client's own.
 */
import { createTokenStore } from '@ringtrace/server/auth/index.js';
import type { Role } from '@ringtrace/server/domain/access/rights.js';

export interface LoadTokens {
  readonly legit: { readonly token: string; readonly role: Role }[];
  /** An analyst: it may run ad-hoc Cypher, which it abuses. */
  readonly hostile: string;
}

export async function createLoadTokens(dataDir: string, users: number): Promise<LoadTokens> {
  const store = createTokenStore({ dataDir });
  const legit: LoadTokens['legit'] = [];
  for (let i = 0; i < users; i++) {
    const role: Role = i % 2 === 0 ? 'analyst' : 'viewer';
    const { token } = await store.create({ name: `bench user ${i + 1} (${role})`, role, createdBy: 'bench' });
    legit.push({ token, role });
  }
  const { token: hostile } = await store.create({ name: 'bench hostile client', role: 'analyst', createdBy: 'bench' });
  return { legit, hostile };
}
