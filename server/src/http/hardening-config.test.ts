/** The hardening variables of config.ts: defaults, values, refusals naming the variable. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';

const base = { INIT_CWD: '/srv/ringtrace' };
const refusal = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('hardening configuration', () => {
  it('defaults: 50 points a second with a burst of 100, no CORS origin, no HSTS, persisted operations allowed', () => {
    expect(loadConfig(base)).toMatchObject({
      rateLimit: { perSecond: 50, burst: 100 },
      corsOrigins: [],
      behindTls: false,
      persistedOperations: 'allow',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...base,
      RINGTRACE_RATE_LIMIT: '5',
      RINGTRACE_RATE_BURST: '0',
      RINGTRACE_CORS_ORIGINS: 'https://ui.example.org, http://localhost:5173',
      RINGTRACE_BEHIND_TLS: 'true',
      RINGTRACE_PERSISTED_OPERATIONS: 'only',
    });
    expect(config).toMatchObject({
      rateLimit: { perSecond: 5, burst: 0 },
      corsOrigins: ['https://ui.example.org', 'http://localhost:5173'],
      behindTls: true,
      persistedOperations: 'only',
    });
  });

  it('turns the rate limit off with 0 on a loopback HOST only', () => {
    expect(loadConfig({ ...base, RINGTRACE_RATE_LIMIT: '0' }).rateLimit).toBeNull();
    expect(loadConfig({ ...base, RINGTRACE_RATE_LIMIT: '0', HOST: '::1' }).rateLimit).toBeNull();
    expect(refusal({ RINGTRACE_RATE_LIMIT: '0', HOST: '0.0.0.0' })).toMatch(
      /^RINGTRACE_RATE_LIMIT 0 \(off\) is allowed only on a loopback HOST/,
    );
  });

  it('refuses bad values, naming the variable', () => {
    expect(refusal({ RINGTRACE_RATE_LIMIT: '-1' })).toMatch(/^RINGTRACE_RATE_LIMIT must be a whole number/);
    expect(refusal({ RINGTRACE_CORS_ORIGINS: '*' })).toMatch(/^RINGTRACE_CORS_ORIGINS must be a comma-separated list/);
    expect(refusal({ RINGTRACE_CORS_ORIGINS: 'https://ui.example.org/' })).toMatch(/^RINGTRACE_CORS_ORIGINS/);
    expect(refusal({ RINGTRACE_BEHIND_TLS: 'yes' })).toMatch(/^RINGTRACE_BEHIND_TLS must be true or false/);
    expect(refusal({ RINGTRACE_PERSISTED_OPERATIONS: 'strict' })).toMatch(
      /^RINGTRACE_PERSISTED_OPERATIONS must be off, allow or only/,
    );
  });
});
