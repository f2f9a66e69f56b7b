/**
 * The command line's role matrix: every command of the program that touches the case, run in-process
 * with no token and with each role's token (`--token-file`): allowed exactly when the role holds the
 * command's right (the same table as the API's). Allowed means the command got past the check (it may
 * still fail on its own, on a missing database for instance); refused means UNAUTHENTICATED or FORBIDDEN
 * naming the right. A new command must declare itself here or take no token (generate, serve).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hasRight, leastRoleWith, ROLES, type Right, type Role } from '../domain/access/rights.js';
import { isDomainError } from '../domain/errors.js';
import { createTestAuth, type TestAuth } from '../testing/test-auth.js';
import { createProgram } from './program.js';

/** Each guarded use of a command: its arguments (cheap, changing nothing of value) and its right. */
const USES: ReadonlyArray<{ command: string; args: string[]; right: Right }> = [
  { command: 'seed', args: ['seed', '--bundle', 'no-such-bundle'], right: 'import:run' },
  { command: 'stats', args: ['stats'], right: 'graph:read' },
  { command: 'query', args: ['query', 'staff-at-large'], right: 'query:run' },
  { command: 'import', args: ['import', 'no-such-file.csv', '--mapping', 'cdr'], right: 'import:run' },
  { command: 'import', args: ['import', '--undo', 'run-20250101-000000-abcd'], right: 'import:undo' },
  { command: 'imports', args: ['imports'], right: 'import:run' },
  {
    command: 'token create',
    args: ['token', 'create', '--name', 'matrix', '--role', 'viewer'],
    right: 'tokens:manage',
  },
  { command: 'token list', args: ['token', 'list'], right: 'tokens:manage' },
  { command: 'token revoke', args: ['token', 'revoke', 'no-such-token'], right: 'tokens:manage' },
  { command: 'audit verify', args: ['audit', 'verify'], right: 'audit:read' },
  { command: 'audit head', args: ['audit', 'head'], right: 'audit:read' },
  { command: 'audit list', args: ['audit', 'list'], right: 'audit:read' },
];
/** They need no token: generate writes synthetic files and reads no case; serve checks each request itself. */
const OPEN = ['generate', 'serve'];

function leaves(command: Command, prefix = ''): Array<{ name: string; command: Command }> {
  const name = `${prefix}${command.name()}`;
  if (command.commands.length === 0) return [{ name, command }];
  return command.commands.flatMap((sub) => leaves(sub, `${name} `));
}

let dir: string;
let auth: TestAuth;
const tokenFiles = new Map<Role, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-cli-access-'));
  auth = await createTestAuth({ dataDir: join(dir, 'data') });
  for (const role of ROLES) {
    const file = join(dir, `${role}.token`);
    await writeFile(file, `${auth.tokenFor(role)}\n`);
    tokenFiles.set(role, file);
  }
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

/** Runs the command in this process; the error it ends with, or undefined. */
async function run(args: string[], dataDir = join(dir, 'data')): Promise<unknown> {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await createProgram()
      .exitOverride()
      .parseAsync(['node', 'ringtrace', ...args, '--data', dataDir]);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    vi.restoreAllMocks();
  }
}

describe('every command is in the matrix', () => {
  it('each command takes --token-file and is listed with its right, but generate and serve', () => {
    const all = leaves(createProgram()).map((l) => ({ ...l, name: l.name.replace(/^ringtrace /, '') }));
    for (const { name, command } of all) {
      const guarded = command.options.some((o) => o.long === '--token-file');
      expect(guarded, name).toBe(!OPEN.includes(name));
      if (guarded)
        expect(
          USES.map((u) => u.command),
          name,
        ).toContain(name);
    }
  });
});

describe.each(USES)('ringtrace $args.0 ($right)', ({ args, right }) => {
  it.each([null, ...ROLES])('as %s', { timeout: 30_000 }, async (role) => {
    const error = await run(role === null ? args : [...args, '--token-file', tokenFiles.get(role)!]);
    const code = isDomainError(error) ? error.code : undefined;
    if (role !== null && hasRight(role, right)) {
      expect(['UNAUTHENTICATED', 'FORBIDDEN'], String(error)).not.toContain(code);
      return;
    }
    expect(code).toBe(role === null ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    expect((error as Error).message).toContain(
      `needs a token with the right ${right} (role ${leastRoleWith(right)} or above)`,
    );
  });
});

describe('tokens on the command line', () => {
  it('bootstrap: token commands run without a token until an admin token exists', async () => {
    const fresh = join(dir, 'fresh');
    expect(await run(['token', 'list'], fresh)).toBeUndefined();
    expect(await run(['stats'], fresh)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await run(['token', 'create', '--name', 'first admin', '--role', 'admin'], fresh)).toBeUndefined();
    expect(await run(['token', 'list'], fresh)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
  it('create prints the token alone on stdout, list shows no secret, revoke takes the id or name', async () => {
    const out: string[] = [];
    const adminFile = tokenFiles.get('admin')!;
    const program = () => createProgram().exitOverride();
    const capture = () =>
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        out.push(String(chunk));
        return true;
      });
    const data = ['--data', join(dir, 'data'), '--token-file', adminFile];
    capture();
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await program().parseAsync([
      'node',
      'ringtrace',
      'token',
      'create',
      '--name',
      'ci loader',
      '--role',
      'loader',
      '--expires',
      '30d',
      ...data,
    ]);
    const token = out.join('').trim();
    expect(token).toMatch(/^rt_[0-9a-f]{16}_[\w-]{43}$/);
    out.length = 0;
    await program().parseAsync(['node', 'ringtrace', 'token', 'list', ...data]);
    const listed = out.join('');
    expect(listed).toMatch(/ci loader +loader +active/);
    expect(listed).not.toContain(token.slice(20));
    out.length = 0;
    await program().parseAsync(['node', 'ringtrace', 'token', 'revoke', 'ci loader', ...data]);
    expect(out.join('')).toMatch(/^revoked [0-9a-f]{16} "ci loader" \(loader\)/);
    const revoked = join(dir, 'revoked.token');
    await writeFile(revoked, token);
    vi.restoreAllMocks();
    expect(await run(['stats', '--token-file', revoked])).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'the token was revoked',
    });
  });
});
