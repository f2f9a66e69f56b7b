/**
 * The server's configuration, read from the environment once. This is the only module that reads
 * `process.env`: everything else receives a `Config`, so tests pass plain objects.
 * A bad value is refused with a message naming the variable.
 */

import { resolve } from 'node:path';
import { z } from 'zod';
import type { OidcConfig } from './auth/oidc.js';
import { DomainError } from './domain/errors.js';
import { trustListProblem } from './http/client-address.js';
import { isExactOrigin } from './http/cors.js';
import { DEFAULT_HEAVY_TIME_BUDGET, type HeavyTimeBudgetOptions } from './http/heavy-time-budget.js';
import { DEFAULT_REFUSAL_HOLD, type RefusalHoldOptions } from './http/refusal-hold.js';
import type { PersistedOperationsMode } from './http/persisted-operations.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_OPERATION_TIMEOUT_MS } from './graphql/limits/values.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Neo4jConfig {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Absent: the server's default database. */
  readonly database: string | undefined;
}

export interface Config {
  /** 0 asks the OS for a free port. */
  readonly port: number;
  /** Interface to listen on: loopback by default, since the API has no authentication yet. */
  readonly host: string;
  /** Absolute directory of the embedded database. */
  readonly dataDir: string;
  /** Set when NEO4J_URI is: the store is Neo4j instead of the embedded engine. */
  readonly neo4j: Neo4jConfig | null;
  readonly bufferPoolMb: number;
  readonly queryTimeoutMs: number;
  /** Largest request body `/graphql` reads; a larger one is refused with 413 before it is parsed. */
  readonly maxBodyBytes: number;
  /** Time limit of one whole GraphQL operation (all its store calls), beside the store's per-statement one. */
  readonly operationTimeoutMs: number;
  readonly logLevel: LogLevel;
  /** Points per second and burst per caller (RINGTRACE_RATE_LIMIT, RINGTRACE_RATE_BURST); null: off. */
  readonly rateLimit: { readonly perSecond: number; readonly burst: number } | null;
  /** Expensive operations in flight per caller and in all (RINGTRACE_EXPENSIVE_PER_CALLER, _GLOBAL). */
  readonly concurrency: { readonly perCaller: number; readonly global: number };
  /** Each caller's server time for expensive operations (RINGTRACE_HEAVY_MS_PER_SECOND, _BURST_MS); null: unbounded. */
  readonly heavyTime: HeavyTimeBudgetOptions | null;
  /** How 429s are held before they are sent (RINGTRACE_REFUSAL_HOLD_MS). */
  readonly refusalHold: RefusalHoldOptions;
  /** Reverse proxies whose X-Forwarded-For is believed (RINGTRACE_TRUST_PROXY); empty: none. */
  readonly trustProxy: readonly string[];
  /** Origins whose pages may call the API (RINGTRACE_CORS_ORIGINS); empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** Served over HTTPS by a proxy (RINGTRACE_BEHIND_TLS): Strict-Transport-Security is sent. */
  readonly behindTls: boolean;
  readonly persistedOperations: PersistedOperationsMode;
  /** Single sign-on (RINGTRACE_OIDC_*): set when RINGTRACE_OIDC_ISSUER is. */
  readonly oidc: OidcConfig | null;
  /** The CLI's credential (RINGTRACE_TOKEN): an API token or a sign-in JWT. The server ignores it. */
  readonly token: string | undefined;
  /** Where the user typed the command; relative paths (RINGTRACE_DATA, CLI arguments) resolve against it. */
  readonly cwd: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

/** A comma-separated list, each entry trimmed, empty ones dropped. */
const commaList = () =>
  z.string().transform((list) =>
    list
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  );

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    );

/** One schema per variable, so an error names exactly the variable at fault. */
const variables = {
  PORT: integer(0, 65_535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  RINGTRACE_DATA: z.string().default('./data'),
  NEO4J_URI: z
    .string()
    .refine((uri) => NEO4J_SCHEMES.some((s) => uri.startsWith(`${s}://`) && uri.length > s.length + 3), {
      error: `must be a Neo4j address like bolt://localhost:7687 (schemes: ${NEO4J_SCHEMES.join(', ')})`,
    })
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  // Kuzu takes a large share of RAM by default (11 GB seen at 1e5 relationships): always cap it.
  RINGTRACE_BUFFER_POOL_MB: integer(64, 1_048_576).default(1024),
  RINGTRACE_QUERY_TIMEOUT_MS: integer(100, 3_600_000).default(30_000),
  // 1 KiB to 64 MiB; 1 MiB holds any document the token limit allows plus large variables (500 ids).
  RINGTRACE_MAX_BODY_BYTES: integer(1024, 67_108_864).default(DEFAULT_MAX_BODY_BYTES),
  RINGTRACE_OPERATION_TIMEOUT_MS: integer(100, 3_600_000).default(DEFAULT_OPERATION_TIMEOUT_MS),
  // Single sign-on: a JWT from an OpenID Connect provider, checked against its JWKS (auth/oidc.ts).
  RINGTRACE_OIDC_ISSUER: z.url({ error: 'must be the issuer URL, exactly as in the tokens\' iss claim' }).optional(),
  RINGTRACE_OIDC_AUDIENCE: z.string().optional(),
  RINGTRACE_OIDC_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of the JWKS' }).optional(),
  // Pinned: a token signed with any other algorithm (none, HS256 with the public key) is refused.
  RINGTRACE_OIDC_ALGORITHM: z
    .enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'], {
      error: 'must be an asymmetric JWS algorithm (RS256, PS256, ES256, EdDSA...)',
    })
    .default('RS256'),
  RINGTRACE_OIDC_ROLE_CLAIM: z.string().regex(/^[\w:./-]+$/, { error: 'must be a claim name' }).default('ringtrace_role'),
  RINGTRACE_TOKEN: z.string().optional(),
  // Hardening (server/README.md, "Hardening"). 0 turns the rate limit off, on a loopback HOST only.
  RINGTRACE_RATE_LIMIT: integer(0, 1_000_000).default(50),
  RINGTRACE_RATE_BURST: integer(0, 10_000_000).default(100),
  // Expensive operations in flight (http/concurrency-limit.ts); 3 in all leaves one of the store's 4 readers free.
  RINGTRACE_EXPENSIVE_PER_CALLER: integer(1, 1000).default(1),
  RINGTRACE_EXPENSIVE_GLOBAL: integer(1, 1000).default(3),
  // Each caller's server time for expensive operations (http/heavy-time-budget.ts); 0 ms a second: unbounded.
  RINGTRACE_HEAVY_MS_PER_SECOND: integer(0, 1_000_000).default(DEFAULT_HEAVY_TIME_BUDGET.perSecondMs),
  RINGTRACE_HEAVY_BURST_MS: integer(1, 86_400_000).default(DEFAULT_HEAVY_TIME_BUDGET.burstMs),
  // How long a 429 of the rate or concurrency limits is held before it is sent (http/refusal-hold.ts); 0: at once.
  RINGTRACE_REFUSAL_HOLD_MS: integer(0, 60_000).default(DEFAULT_REFUSAL_HOLD.maxMs),
  // Reverse proxies whose X-Forwarded-For is believed for per-address limits (http/client-address.ts).
  RINGTRACE_TRUST_PROXY: commaList()
    .superRefine((list, ctx) => {
      const problem = trustListProblem(list);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          message: `must be a comma-separated list of proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal (${problem})`,
        });
    })
    .default([]),
  RINGTRACE_CORS_ORIGINS: commaList()
    .refine((origins) => origins.every(isExactOrigin), {
      error: 'must be a comma-separated list of exact origins like https://ui.example.org (no path, no *)',
    })
    .default([]),
  RINGTRACE_BEHIND_TLS: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1')
    .default(false),
  RINGTRACE_PERSISTED_OPERATIONS: z
    .enum(['off', 'allow', 'only'] satisfies PersistedOperationsMode[], { error: 'must be off, allow or only' })
    .default('allow'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
} as const;

/** Every variable the server reads (the README's configuration table lists them all). */
export const CONFIG_VARIABLES = Object.keys(variables) as ReadonlyArray<keyof typeof variables>;

type Parsed = { [K in keyof typeof variables]: z.output<(typeof variables)[K]> };

function parseVariable<K extends keyof typeof variables>(name: K, env: Env): Parsed[K] {
  // An empty value (`NEO4J_URI=` in a shell or .env file) means unset.
  const raw = env[name] === '' ? undefined : env[name];
  const result = variables[name].safeParse(raw);
  if (result.success) return result.data as Parsed[K];
  const reason = result.error.issues[0]?.message ?? 'is invalid';
  // Secrets are never echoed back.
  const shown = name === 'NEO4J_PASSWORD' || name === 'RINGTRACE_TOKEN' ? '' : ` (got "${raw}")`;
  throw new DomainError('INVALID_ARGUMENT', `${name} ${reason}${shown}`, { details: { variable: name } });
}

/** Where the user typed the command: pnpm runs scripts elsewhere, but sets INIT_CWD to it. */
export function invocationDir(env: Env = process.env): string {
  return env['INIT_CWD'] || process.cwd();
}

function oidcConfig(get: <K extends keyof typeof variables>(name: K) => Parsed[K]): OidcConfig | null {
  const issuer = get('RINGTRACE_OIDC_ISSUER');
  if (issuer === undefined) return null;
  const required = (name: 'RINGTRACE_OIDC_AUDIENCE' | 'RINGTRACE_OIDC_JWKS_URL') => {
    const value = get(name);
    if (value === undefined) {
      throw new DomainError('INVALID_ARGUMENT', `${name} must be set when RINGTRACE_OIDC_ISSUER is`, {
        details: { variable: name },
      });
    }
    return value;
  };
  return {
    issuer,
    audience: required('RINGTRACE_OIDC_AUDIENCE'),
    jwksUrl: required('RINGTRACE_OIDC_JWKS_URL'),
    algorithm: get('RINGTRACE_OIDC_ALGORITHM'),
    roleClaim: get('RINGTRACE_OIDC_ROLE_CLAIM'),
  };
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

/** The rate limit, or null when RINGTRACE_RATE_LIMIT=0, which only a server on loopback may ask for. */
function rateLimit(perSecond: number, burst: number, host: string): Config['rateLimit'] {
  if (perSecond > 0) return { perSecond, burst };
  if (LOOPBACK.test(host)) return null;
  throw new DomainError(
    'INVALID_ARGUMENT',
    `RINGTRACE_RATE_LIMIT 0 (off) is allowed only on a loopback HOST (got HOST "${host}"): a reachable server always limits`,
    { details: { variable: 'RINGTRACE_RATE_LIMIT' } },
  );
}

/** Reads and validates the configuration; throws an INVALID_ARGUMENT DomainError naming the bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const get = <K extends keyof typeof variables>(name: K) => parseVariable(name, env);
  const cwd = invocationDir(env);
  const uri = get('NEO4J_URI');
  return {
    port: get('PORT'),
    host: get('HOST'),
    dataDir: resolve(cwd, get('RINGTRACE_DATA')),
    neo4j:
      uri === undefined
        ? null
        : { uri, user: get('NEO4J_USER'), password: get('NEO4J_PASSWORD'), database: get('NEO4J_DATABASE') },
    bufferPoolMb: get('RINGTRACE_BUFFER_POOL_MB'),
    queryTimeoutMs: get('RINGTRACE_QUERY_TIMEOUT_MS'),
    maxBodyBytes: get('RINGTRACE_MAX_BODY_BYTES'),
    operationTimeoutMs: get('RINGTRACE_OPERATION_TIMEOUT_MS'),
    logLevel: get('LOG_LEVEL'),
    rateLimit: rateLimit(get('RINGTRACE_RATE_LIMIT'), get('RINGTRACE_RATE_BURST'), get('HOST')),
    concurrency: { perCaller: get('RINGTRACE_EXPENSIVE_PER_CALLER'), global: get('RINGTRACE_EXPENSIVE_GLOBAL') },
    heavyTime:
      get('RINGTRACE_HEAVY_MS_PER_SECOND') === 0
        ? null
        : { perSecondMs: get('RINGTRACE_HEAVY_MS_PER_SECOND'), burstMs: get('RINGTRACE_HEAVY_BURST_MS') },
    refusalHold: { ...DEFAULT_REFUSAL_HOLD, maxMs: get('RINGTRACE_REFUSAL_HOLD_MS') },
    trustProxy: get('RINGTRACE_TRUST_PROXY'),
    corsOrigins: get('RINGTRACE_CORS_ORIGINS'),
    behindTls: get('RINGTRACE_BEHIND_TLS'),
    persistedOperations: get('RINGTRACE_PERSISTED_OPERATIONS'),
    oidc: oidcConfig(get),
    token: get('RINGTRACE_TOKEN'),
    cwd,
  };
}
