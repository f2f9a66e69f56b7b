/**
 * `ringtrace token create|list|revoke`: API tokens for people and scripts (auth/token-store.ts). The
 * token is printed once, alone on stdout (`export RINGTRACE_TOKEN=$(ringtrace token create ...)`), the
 * note about it on stderr; only its hash is kept. All three need tokens:manage (admin), except while no
 * active admin token exists (bootstrap: cli/access.ts).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { ROLES, type Role } from '../../domain/access/rights.js';
import { guarded, withTokenOption, type CliAccess } from '../access.js';

interface CommonOptions {
  readonly data?: string;
  readonly json?: boolean;
}

const tokens = async (access: CliAccess) => {
  const { createTokenStore } = await import('../../auth/index.js');
  return createTokenStore({ dataDir: access.config.dataDir });
};

const by = (access: CliAccess) => access.caller?.id ?? 'unknown';

function table(rows: ReadonlyArray<Record<string, string>>): string {
  if (rows.length === 0) return 'no tokens';
  const columns = Object.keys(rows[0]!);
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => r[c]!.length));
  const line = (cells: (c: string) => string) =>
    columns
      .map((c) => cells(c).padEnd(width(c)))
      .join('  ')
      .trimEnd();
  return [line((c) => c), ...rows.map((r) => line((c) => r[c]!))].join('\n');
}

const day = (iso: string | null) => (iso === null ? '-' : iso.slice(0, 16).replace('T', ' '));

const withCommon = (command: Command) =>
  withTokenOption(
    command.option('--data <dir>', 'data directory holding tokens.json (default: RINGTRACE_DATA or ./data)'),
  );

const createCommand = () =>
  withCommon(new Command('create'))
    .description('create a token and print it once (stdout); only its hash is kept')
    .requiredOption('--name <name>', 'who or what it is for (shown in `token list`, the audit trail and edits)')
    .addOption(new Option('--role <role>', 'what it may do').choices(ROLES).makeOptionMandatory())
    .option('--expires <when>', 'a duration (30d, 12h) or an ISO date; default: never')
    .option('--json', 'print the token and its record as JSON instead')
    .action(
      guarded(
        { name: 'token create', bootstrap: true },
        'tokens:manage',
        async (access, o: CommonOptions & { name: string; role: Role; expires?: string }) => {
          const { parseExpiry } = await import('../../auth/index.js');
          const expiresAt = o.expires === undefined ? null : parseExpiry(o.expires);
          const store = await tokens(access);
          const { token, info } = await store.create({ name: o.name, role: o.role, expiresAt, createdBy: by(access) });
          if (o.json) {
            process.stdout.write(`${JSON.stringify({ token, ...info }, null, 2)}\n`);
            return;
          }
          process.stdout.write(`${token}\n`);
          process.stderr.write(
            `ringtrace: created token ${info.id} "${info.name}" (${info.role}, ${info.expiresAt ? `expires ${info.expiresAt}` : 'never expires'}): ` +
              `shown once, only its hash is kept in ${store.path}\n`,
          );
        },
      ),
    );

const listCommand = () =>
  withCommon(new Command('list'))
    .description('list tokens (id, name, role, status, created, by, expires, revoked); never a secret')
    .option('--json', 'print JSON')
    .action(
      guarded({ name: 'token list', bootstrap: true }, 'tokens:manage', async (access, o: CommonOptions) => {
        const list = await (await tokens(access)).list();
        if (o.json) {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        const rows = list.map((t) => ({
          id: t.id,
          name: t.name,
          role: t.role,
          status: t.status,
          created: day(t.createdAt),
          'created by': t.createdBy,
          expires: day(t.expiresAt),
          revoked: t.revokedAt === null ? '-' : `${day(t.revokedAt)} by ${t.revokedBy}`,
        }));
        process.stdout.write(`${table(rows)}\n`);
      }),
    );

const revokeCommand = () =>
  withCommon(new Command('revoke'))
    .description('revoke a token by id or name; a running server refuses it from its next request')
    .argument('<token>', 'the id (from `token list`) or the name of one active token')
    .action(
      guarded({ name: 'token revoke', bootstrap: true }, 'tokens:manage', async (access, idOrName: string) => {
        if (idOrName.startsWith('rt_')) throw new InvalidArgumentError('give the id or name, not the token itself');
        const info = await (await tokens(access)).revoke(idOrName, by(access));
        process.stdout.write(`revoked ${info.id} "${info.name}" (${info.role}) at ${info.revokedAt}\n`);
      }),
    );

export const tokenCommand = () =>
  new Command('token')
    .description('API tokens: create (shown once), list, revoke')
    .addCommand(createCommand())
    .addCommand(listCommand())
    .addCommand(revokeCommand());
