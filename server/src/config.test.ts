import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { DomainError } from './domain/errors.js';

const base = { INIT_CWD: '/srv/ringtrace' };

function errorOf(env: Record<string, string>): DomainError {
  try {
    loadConfig({ ...base, ...env });
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('defaults to the embedded engine on port 4000 with ./data', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      dataDir: '/srv/ringtrace/data',
      neo4j: null,
      bufferPoolMb: 1024,
      queryTimeoutMs: 30_000,
      maxBodyBytes: 1_048_576,
      operationTimeoutMs: 30_000,
      logLevel: 'info',
      cwd: '/srv/ringtrace',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...base,
      PORT: '8080',
      HOST: '0.0.0.0',
      RINGTRACE_DATA: '/var/lib/rt',
      NEO4J_URI: 'neo4j+s://db.example.org',
      NEO4J_USER: 'analyst',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'cases',
      RINGTRACE_BUFFER_POOL_MB: '512',
      RINGTRACE_QUERY_TIMEOUT_MS: '5000',
      RINGTRACE_MAX_BODY_BYTES: '2048',
      RINGTRACE_OPERATION_TIMEOUT_MS: '9000',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/rt',
      neo4j: { uri: 'neo4j+s://db.example.org', user: 'analyst', password: 'secret', database: 'cases' },
      bufferPoolMb: 512,
      queryTimeoutMs: 5000,
      maxBodyBytes: 2048,
      operationTimeoutMs: 9000,
      logLevel: 'debug',
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ ...base, NEO4J_URI: '', PORT: '' })).toMatchObject({ neo4j: null, port: 4000 });
  });

  it.each([
    ['PORT', 'abc', /^PORT must be a whole number from 0 to 65535 \(got "abc"\)$/],
    ['PORT', '70000', /^PORT must be at most 65535/],
    ['PORT', '-1', /^PORT must be a whole number/],
    ['NEO4J_URI', 'http://localhost:7474', /^NEO4J_URI must be a Neo4j address like bolt:\/\/localhost:7687/],
    ['RINGTRACE_BUFFER_POOL_MB', '1.5', /^RINGTRACE_BUFFER_POOL_MB must be a whole number/],
    ['RINGTRACE_BUFFER_POOL_MB', '10', /^RINGTRACE_BUFFER_POOL_MB must be at least 64/],
    ['RINGTRACE_QUERY_TIMEOUT_MS', 'soon', /^RINGTRACE_QUERY_TIMEOUT_MS must be a whole number/],
    ['RINGTRACE_MAX_BODY_BYTES', '1MiB', /^RINGTRACE_MAX_BODY_BYTES must be a whole number from 1024 to 67108864/],
    ['RINGTRACE_MAX_BODY_BYTES', '100', /^RINGTRACE_MAX_BODY_BYTES must be at least 1024/],
    ['RINGTRACE_OPERATION_TIMEOUT_MS', '50', /^RINGTRACE_OPERATION_TIMEOUT_MS must be at least 100/],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
  ])('refuses %s=%s naming the variable', (name, value, message) => {
    const error = errorOf({ [name]: value });
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    expect(error.details).toEqual({ variable: name });
  });
});
