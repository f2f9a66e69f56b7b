/** Single sign-on with jose-made keys, the JWKS served by a local HTTP server (port 0). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from './authenticate.js';
import { createOidcVerifier, type OidcVerifier } from './oidc.js';
import { createTokenStore } from './token-store.js';

const ISSUER = 'https://sso.example.test/realms/ringtrace';
const AUDIENCE = 'ringtrace';
let server: Server;
let keys: { privateKey: CryptoKey; publicKey: CryptoKey };
let other: { privateKey: CryptoKey };
let publicJwk: JWK;
let verifier: OidcVerifier;

beforeAll(async () => {
  keys = await generateKeyPair('RS256', { extractable: true });
  other = await generateKeyPair('RS256');
  publicJwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  verifier = createOidcVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    jwksUrl: `http://127.0.0.1:${port}/jwks`,
    algorithm: 'RS256',
    roleClaim: 'ringtrace_role',
  });
});
afterAll(() => new Promise((resolve) => server?.close(resolve)));

const claims = { sub: 'u-42', email: 'anna@example.test', ringtrace_role: 'analyst' };

function signed(
  payload: Record<string, unknown> = claims,
  {
    key = keys.privateKey,
    iss = ISSUER,
    aud = AUDIENCE,
    exp = '5m',
  }: { key?: CryptoKey; iss?: string; aud?: string; exp?: string | number } = {},
) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key);
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const body = { ...claims, iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 300 };

const reasonOf = (jwt: string | Promise<string>) =>
  Promise.resolve(jwt)
    .then((t) => verifier.verify(t))
    .then(
      () => 'accepted',
      (e: { code: string; details: { reason: string }; message: string }) =>
        `${e.code} ${e.details.reason}: ${e.message}`,
    );

describe('OIDC sign-in tokens', () => {
  it('a valid token is its subject with the role of its claim', async () => {
    expect(await verifier.verify(await signed())).toEqual({
      id: 'oidc:u-42',
      name: 'anna@example.test',
      role: 'analyst',
      via: 'oidc',
    });
  });
  it('a list of roles gives the highest one it names', async () => {
    expect(
      (await verifier.verify(await signed({ ...claims, ringtrace_role: ['viewer', 'staff', 'loader'] }))).role,
    ).toBe('loader');
  });
  it.each([
    ['expired', () => signed(claims, { exp: now() - 60 }), 'UNAUTHENTICATED expired: the sign-in token expired'],
    [
      'from another issuer',
      () => signed(claims, { iss: 'https://evil.test' }),
      'UNAUTHENTICATED invalid: the sign-in token is not valid',
    ],
    [
      'for another audience',
      () => signed(claims, { aud: 'other-app' }),
      'UNAUTHENTICATED invalid: the sign-in token is not valid',
    ],
    [
      'signed by another key',
      () => signed(claims, { key: other.privateKey }),
      'UNAUTHENTICATED invalid: the sign-in token is not valid',
    ],
    [
      'unsigned (alg none)',
      async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(body)}.`,
      'UNAUTHENTICATED invalid: the sign-in token is not valid',
    ],
    [
      'HS256 with the public key as its secret (algorithm confusion)',
      async () =>
        new SignJWT(body)
          .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
          .sign(new TextEncoder().encode(await exportSPKI(keys.publicKey))),
      'UNAUTHENTICATED invalid: the sign-in token is not valid',
    ],
    [
      'without a Ringtrace role',
      () => signed({ sub: 'u-1', ringtrace_role: 'superuser' }),
      'UNAUTHENTICATED no-role: no Ringtrace role in the sign-in token',
    ],
    [
      'without any role claim',
      () => signed({ sub: 'u-1' }),
      'UNAUTHENTICATED no-role: no Ringtrace role in the sign-in token',
    ],
  ])('refuses a token %s', async (_, make, expected) => {
    expect(await reasonOf(make())).toBe(expected);
  });
  it('a JWT is an OIDC token only when single sign-on is configured', async () => {
    const tokens = createTokenStore({ dataDir: '/nonexistent-ringtrace-test' });
    const jwt = await signed();
    await expect(createAuthenticator({ tokens }).authenticate(jwt)).rejects.toMatchObject({
      details: { reason: 'malformed' },
    });
    expect((await createAuthenticator({ tokens, oidc: verifier }).authenticate(jwt)).id).toBe('oidc:u-42');
  });
});
