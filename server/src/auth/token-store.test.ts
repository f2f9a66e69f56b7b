import { readFile, stat, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureFirstAdmin, FIRST_ADMIN_NAME, signInNotice } from './first-start.js';
import { parseExpiry } from './expiry.js';
import { tokensPath } from './token-file.js';
import { createTokenStore } from './token-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-tokens-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const reasonOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (e: { code?: string; details?: { reason?: string }; message: string }) =>
      `${e.code} ${e.details?.reason}: ${e.message}`,
  );

describe('API tokens', () => {
  it('are shown once and stored as a hash only (tokens.json, mode 0600)', async () => {
    const tokens = createTokenStore({ dataDir: dir });
    const { token, info } = await tokens.create({ name: 'anna', role: 'analyst', createdBy: 'cli:test' });
    expect(token).toMatch(/^rt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(token.slice(3, 19)).toBe(info.id);
    const text = await readFile(tokensPath(dir), 'utf8');
    expect(text).not.toContain(token.slice(20));
    expect(text).toMatch(/"hash": "sha256:[0-9a-f]{64}"/);
    expect((await stat(tokensPath(dir))).mode & 0o777).toBe(0o600);
    expect(await tokens.verify(token)).toEqual({
      id: `token:${info.id}`,
      name: 'anna',
      role: 'analyst',
      via: 'token',
      tokenId: info.id,
    });
    const [listed] = await tokens.list();
    expect(listed).toEqual({ ...info, status: 'active' });
    expect(JSON.stringify(listed)).not.toContain('sha256');
  });

  it('refuse a malformed, unknown or wrong token alike, and tell expired or revoked only to the holder of the secret', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const tokens = createTokenStore({ dataDir: dir, now: () => now });
    const { token, info } = await tokens.create({
      name: 'script',
      role: 'loader',
      createdBy: 'x',
      expiresAt: '2026-02-01T00:00:00.000Z',
    });
    const otherSecret = `${token.slice(0, 20)}${'A'.repeat(43)}`;
    const unknownId = `rt_0000000000000000_${token.slice(20)}`;
    expect(await reasonOf(tokens.verify('hello'))).toMatch(/^UNAUTHENTICATED malformed: /);
    expect(await reasonOf(tokens.verify(unknownId))).toBe('UNAUTHENTICATED invalid: the token is not valid');
    expect(await reasonOf(tokens.verify(otherSecret))).toBe('UNAUTHENTICATED invalid: the token is not valid');
    expect(await reasonOf(tokens.verify(token))).toBe('accepted');
    now = new Date('2026-03-01T00:00:00Z');
    expect(await reasonOf(tokens.verify(token))).toMatch(/^UNAUTHENTICATED expired: /);
    expect(await reasonOf(tokens.verify(otherSecret))).toBe('UNAUTHENTICATED invalid: the token is not valid');
    now = new Date('2026-01-15T00:00:00Z');
    await tokens.revoke(info.id, 'token:admin');
    expect(await reasonOf(tokens.verify(token))).toBe('UNAUTHENTICATED revoked: the token was revoked');
    expect(await reasonOf(tokens.verify(otherSecret))).toBe('UNAUTHENTICATED invalid: the token is not valid');
    expect((await tokens.list())[0]).toMatchObject({ status: 'revoked', revokedBy: 'token:admin' });
  });

  it('a revocation by another process (the CLI) is seen on the next check, without a restart', async () => {
    const server = createTokenStore({ dataDir: dir });
    const cli = createTokenStore({ dataDir: dir });
    const { token } = await cli.create({ name: 'bea', role: 'viewer', createdBy: 'x' });
    expect((await server.verify(token)).name).toBe('bea');
    await cli.revoke('bea', 'cli:test');
    expect(await reasonOf(server.verify(token))).toMatch(/revoked/);
    const again = await cli.create({ name: 'bea', role: 'viewer', createdBy: 'x' });
    expect((await server.verify(again.token)).role).toBe('viewer');
  });

  it('a check made right after a revoke sees it, with a burst of checks still in flight', async () => {
    const server = createTokenStore({ dataDir: dir });
    const cli = createTokenStore({ dataDir: dir });
    const { token } = await cli.create({ name: 'cy', role: 'viewer', createdBy: 'x' });
    // A burst of checks in flight while the revoke is written; the check after it must not join them.
    const burst = Array.from({ length: 50 }, () => reasonOf(server.verify(token)));
    await cli.revoke('cy', 'cli:test');
    const after = await reasonOf(server.verify(token));
    expect(after).toMatch(/revoked/);
    for (const reason of await Promise.all(burst)) expect(reason).toMatch(/^(accepted|UNAUTHENTICATED revoked)/);
  });

  it('concurrent creations from two stores (CLI and server) all land, under the lock', async () => {
    const a = createTokenStore({ dataDir: dir });
    const b = createTokenStore({ dataDir: dir });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).create({ name: `t${i}`, role: 'viewer', createdBy: 'x' })),
    );
    expect((await a.list()).map((t) => t.name).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `t${i}`).sort());
  });

  it('refuse bad names, a duplicate active name, a past expiry, an ambiguous or unknown revoke', async () => {
    const tokens = createTokenStore({ dataDir: dir });
    await expect(tokens.create({ name: ' ', role: 'viewer', createdBy: 'x' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await tokens.create({ name: 'ci', role: 'loader', createdBy: 'x' });
    await expect(tokens.create({ name: 'ci', role: 'loader', createdBy: 'x' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      tokens.create({ name: 'old', role: 'viewer', createdBy: 'x', expiresAt: '2000-01-01T00:00:00Z' }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(tokens.revoke('nobody', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a damaged tokens.json stops the check rather than guess', async () => {
    await writeFile(tokensPath(dir), '{"format":"ringtrace-tokens/1","tokens":[{"id":"x"}]}');
    const tokens = createTokenStore({ dataDir: dir });
    await expect(tokens.verify(`rt_0000000000000000_${'A'.repeat(43)}`)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('the first start', () => {
  it('creates an admin token only while no active admin token exists', async () => {
    const tokens = createTokenStore({ dataDir: dir });
    const first = await ensureFirstAdmin(tokens);
    expect(first).toMatch(/^rt_/);
    expect((await tokens.verify(first!)).name).toBe(FIRST_ADMIN_NAME);
    expect(await ensureFirstAdmin(tokens)).toBeUndefined();
    await tokens.revoke(FIRST_ADMIN_NAME, 'x');
    const second = await ensureFirstAdmin(tokens);
    expect((await tokens.verify(second!)).role).toBe('admin');
  });
  it('prints the sign-in link with the token in the fragment, or how to sign in', () => {
    expect(signInNotice('http://localhost:4000', 'rt_abc')).toContain('http://localhost:4000/#token=rt_abc');
    const later = signInNotice('http://localhost:4000', undefined);
    expect(later).not.toContain('rt_');
    expect(later).toContain('token create');
  });
});

describe('--expires', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it.each([
    ['30d', '2026-01-31T00:00:00.000Z'],
    ['12h', '2026-01-01T12:00:00.000Z'],
    ['2026-06-30', '2026-06-30T00:00:00.000Z'],
    ['2026-06-30T18:00:00Z', '2026-06-30T18:00:00.000Z'],
  ])('%s', (text, expected) => expect(parseExpiry(text, now)).toBe(expected));
  it.each(['yesterday', '2025-01-01', '0d', '-3d'])('refuses %s', (text) =>
    expect(() => parseExpiry(text, now)).toThrow(),
  );
});
