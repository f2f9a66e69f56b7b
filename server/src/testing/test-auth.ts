/**
 * For tests that build the app themselves: a real token store in a temporary directory with one token
 * per role, and the headers that sign a request in. Nothing here bypasses the auth plugin.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuthenticator, createTokenStore, type Authenticator, type OidcVerifier } from '../auth/index.js';
import { ROLES, type Role } from '../domain/access/rights.js';

export interface TestAuth {
  readonly authenticator: Authenticator;
  /** A real token string of that role (created once per TestAuth). */
  tokenFor(role: Role): string;
  /** `{ authorization: 'Bearer <token>' }` for the role (admin by default). */
  headers(role?: Role): Record<string, string>;
  dispose(): Promise<void>;
}

/** `dataDir`: where tokens.json goes (a fresh temporary directory when absent, removed by dispose). */
export async function createTestAuth(options: { dataDir?: string; oidc?: OidcVerifier } = {}): Promise<TestAuth> {
  const own = options.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'ringtrace-auth-')) : undefined;
  const tokens = createTokenStore({ dataDir: options.dataDir ?? own! });
  const byRole = new Map<Role, string>();
  for (const role of ROLES) {
    byRole.set(role, (await tokens.create({ name: `test ${role}`, role, createdBy: 'test' })).token);
  }
  const tokenFor = (role: Role) => byRole.get(role)!;
  return {
    authenticator: createAuthenticator({ tokens, oidc: options.oidc ?? null }),
    tokenFor,
    headers: (role = 'admin') => ({ authorization: `Bearer ${tokenFor(role)}` }),
    dispose: async () => {
      if (own) await rm(own, { recursive: true, force: true });
    },
  };
}

/** A real token of `role` in `<dataDir>/tokens.json` (created with the directory), for CLI tests' RINGTRACE_TOKEN. */
export async function tokenIn(
  dataDir: string,
  role: Role,
  name = `cli test ${role} ${Math.random().toString(36).slice(2, 8)}`,
) {
  return (await createTokenStore({ dataDir }).create({ name, role, createdBy: 'test' })).token;
}
