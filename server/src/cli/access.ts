/**
 * The command line's access check, the same table as the API's (domain/access/rights.ts): a command
 * that touches the case (reads or writes the graph, imports, tokens, the audit) runs only with a token
 * whose role holds its right, given in RINGTRACE_TOKEN or a file (`--token-file`, so it stays out of
 * shell history and `ps`). The token is checked against <dataDir>/tokens.json (or single sign-on), as
 * the server would; a command that goes through a running server forwards it as `Bearer`, and the
 * server checks again. Every guarded run is recorded in the audit trail with its outcome.
 * `generate` and `serve` need none: `generate` writes synthetic files and reads no case, and `serve`
 * checks every request itself (and creates the first admin token).
 * Bootstrap: `token` commands run without a token while tokens.json holds no active admin token, so the
 * first admin can be made from the command line (on Neo4j, say, before any server start).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Caller } from '../domain/access/caller.js';
import { can } from '../domain/access/caller.js';
import { leastRoleWith, type Right } from '../domain/access/rights.js';
import { DomainError, invalidArgument, isDomainError } from '../domain/errors.js';
import type { Config } from '../config.js';
import { configWith } from './config-overrides.js';

export interface CliAccess {
  /** Who runs the command; undefined only when a running server (`--server`) checks the token instead. */
  readonly caller: Caller | undefined;
  /** The credential, forwarded as `Authorization: Bearer` when the command goes through a server. */
  readonly token: string | undefined;
  readonly config: Config;
}

export interface GuardOptions {
  /** For the audit trail and messages: `seed`, `token create`. */
  readonly name: string;
  /** `token` commands: allowed without a token while no active admin token exists. */
  readonly bootstrap?: boolean;
}

/** What every guarded command accepts besides its own options. */
interface AccessOptions {
  readonly data?: string;
  readonly tokenFile?: string;
  readonly server?: string;
}

/** Adds `--token-file` (beside RINGTRACE_TOKEN) to a command. */
export const withTokenOption = (command: Command) =>
  command.option('--token-file <file>', 'read the API token from FILE (default: RINGTRACE_TOKEN)');

function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown'; // no passwd entry, as in some containers
  }
}

async function credential(options: AccessOptions, config: Config): Promise<string | undefined> {
  if (options.tokenFile === undefined) return config.token?.trim() || undefined;
  try {
    return (await readFile(resolve(config.cwd, options.tokenFile), 'utf8')).trim() || undefined;
  } catch (error) {
    throw invalidArgument('--token-file', `cannot read ${options.tokenFile}: ${(error as NodeJS.ErrnoException).code}`);
  }
}

const needs = (name: string, right: Right) => {
  const role = leastRoleWith(right);
  return `ringtrace ${name} needs a token with the right ${right} (role ${role} or above)`;
};

/** Checks the token for the right (null: this use of the command touches no case data) and says who runs it. */
export async function authorise(
  name: string,
  right: Right | null,
  options: AccessOptions,
  bootstrap = false,
): Promise<CliAccess> {
  const config = configWith(options);
  const token = await credential(options, config);
  if (right === null) return { caller: undefined, token, config };
  const { createAuthenticator, createOidcVerifier, createTokenStore } = await import('../auth/index.js');
  const tokens = createTokenStore({ dataDir: config.dataDir });
  if (bootstrap && !(await tokens.hasActiveAdmin())) {
    const caller: Caller = {
      id: `cli:${operator()}`,
      name: `${operator()} (bootstrap: no admin token yet)`,
      role: 'admin',
      via: 'token',
    };
    return { caller, token, config };
  }
  if (token === undefined) {
    throw new DomainError(
      'UNAUTHENTICATED',
      `${needs(name, right)}: set RINGTRACE_TOKEN or pass --token-file FILE (an admin makes one with \`ringtrace token create\`)`,
      { details: { reason: 'missing' } },
    );
  }
  // Through a server: the server holds the tokens that count (it may use another data directory).
  if (options.server !== undefined) return { caller: undefined, token, config };
  const oidc = config.oidc ? createOidcVerifier(config.oidc) : null;
  const caller = await createAuthenticator({ tokens, oidc }).authenticate(token);
  if (!can(caller, right)) {
    throw new DomainError('FORBIDDEN', `${needs(name, right)}; the token "${caller.name}" is ${caller.role}`, {
      details: { right, role: leastRoleWith(right) },
    });
  }
  return { caller, token, config };
}

type Outcome = { status: 'ok' | 'error' | 'denied' | 'unauthenticated'; code?: string };

function outcomeOf(error: unknown): Outcome {
  if (error === undefined) return { status: 'ok' };
  const code = isDomainError(error) ? error.code : 'INTERNAL';
  if (code === 'UNAUTHENTICATED') return { status: 'unauthenticated', code };
  if (code === 'FORBIDDEN') return { status: 'denied', code };
  return { status: 'error', code };
}

/** The configuration when it reads (a bad variable fails the command anyway), for the audit trail. */
function configOrNone(options: AccessOptions): Config | undefined {
  try {
    return configWith(options);
  } catch {
    return undefined;
  }
}

/**
 * Records the command in <dataDir>/audit (audit/), and never fails the command for it: a warning instead.
 * A data directory that does not exist gets nothing (a mistyped --data must not leave a directory behind).
 */
async function record(
  access: { caller?: Caller | undefined; config: Config },
  action: { name: string; variables: unknown },
  outcome: Outcome,
  started: number,
) {
  if (!existsSync(access.config.dataDir)) return;
  try {
    const [{ openAuditTrail, whoOf }, { createLogger }] = await Promise.all([
      import('../audit/index.js'),
      import('../logger.js'),
    ]);
    const trail = openAuditTrail({ dataDir: access.config.dataDir, logger: createLogger('silent') });
    trail.record({
      who: whoOf(access.caller),
      action: { kind: 'cli', name: action.name, variables: action.variables },
      outcome,
      durationMs: Math.round(performance.now() - started),
    });
    await trail.close();
  } catch (error) {
    process.stderr.write(`ringtrace: warning: not recorded in the audit trail: ${(error as Error).message}\n`);
  }
}

/**
 * Wraps a commander action: works out the right from the arguments (`rightOf`), checks the token, runs,
 * and records the outcome. Commander passes (...arguments, options, command).
 */
export function guarded<Args extends unknown[]>(
  guard: GuardOptions,
  rightOf: Right | ((...args: Args) => Right | null),
  run: (access: CliAccess, ...args: Args) => Promise<void>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    const options = (args[args.length - 2] ?? {}) as AccessOptions & Record<string, unknown>;
    const right = typeof rightOf === 'function' ? rightOf(...args) : rightOf;
    const started = performance.now();
    const { tokenFile: _tokenFile, ...shown } = options;
    const action = { name: guard.name, variables: { arguments: args.slice(0, -2), options: shown } };
    let access: CliAccess | undefined;
    try {
      access = await authorise(guard.name, right, options, guard.bootstrap);
      await run(access, ...args);
    } catch (error) {
      const config = access?.config ?? configOrNone(options);
      if (right !== null && config) await record({ caller: access?.caller, config }, action, outcomeOf(error), started);
      throw error;
    }
    if (right !== null) await record(access, action, outcomeOf(undefined), started);
  };
}
