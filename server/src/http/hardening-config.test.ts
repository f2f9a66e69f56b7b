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
      heavyTime: { perSecondMs: 100, burstMs: 5_000 },
      refusalHold: { maxMs: 1_000, maxHeld: 1_000 },
      trustProxy: [],
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
      RINGTRACE_HEAVY_MS_PER_SECOND: '250',
      RINGTRACE_HEAVY_BURST_MS: '20000',
      RINGTRACE_REFUSAL_HOLD_MS: '0',
      RINGTRACE_TRUST_PROXY: 'loopback, 10.0.0.0/8',
    });
    expect(config).toMatchObject({
      rateLimit: { perSecond: 5, burst: 0 },
      heavyTime: { perSecondMs: 250, burstMs: 20_000 },
      refusalHold: { maxMs: 0 },
      trustProxy: ['loopback', '10.0.0.0/8'],
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

  it('leaves the server-time budget off with 0 ms a second', () => {
    expect(loadConfig({ ...base, RINGTRACE_HEAVY_MS_PER_SECOND: '0' }).heavyTime).toBeNull();
  });

  it('refuses bad values, naming the variable', () => {
    expect(refusal({ RINGTRACE_TRUST_PROXY: 'the-proxy' })).toMatch(
      /^RINGTRACE_TRUST_PROXY must be a comma-separated list of proxy addresses.*the-proxy/,
    );
    expect(refusal({ RINGTRACE_HEAVY_BURST_MS: '0' })).toMatch(/^RINGTRACE_HEAVY_BURST_MS must be at least 1/);
    expect(refusal({ RINGTRACE_REFUSAL_HOLD_MS: '1.5' })).toMatch(/^RINGTRACE_REFUSAL_HOLD_MS must be a whole number/);
    expect(refusal({ RINGTRACE_RATE_LIMIT: '-1' })).toMatch(/^RINGTRACE_RATE_LIMIT must be a whole number/);
    expect(refusal({ RINGTRACE_CORS_ORIGINS: '*' })).toMatch(/^RINGTRACE_CORS_ORIGINS must be a comma-separated list/);
    expect(refusal({ RINGTRACE_CORS_ORIGINS: 'https://ui.example.org/' })).toMatch(/^RINGTRACE_CORS_ORIGINS/);
    expect(refusal({ RINGTRACE_BEHIND_TLS: 'yes' })).toMatch(/^RINGTRACE_BEHIND_TLS must be true or false/);
    expect(refusal({ RINGTRACE_PERSISTED_OPERATIONS: 'strict' })).toMatch(
      /^RINGTRACE_PERSISTED_OPERATIONS must be off, allow or only/,
    );
  });
});
