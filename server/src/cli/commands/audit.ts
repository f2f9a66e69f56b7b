/**
 * `ringtrace audit verify|head|list`: the audit trail in <dataDir>/audit (audit/), for admins (audit:read).
 * Files, not the store: they work while a server holds the embedded database, and on a copy of the
 * directory. `verify` exits 0 when the trail is intact, 2 with the first bad line on stderr when it is
 * not (1, as every command, when it cannot check: no token, a bad option).
 */
import { Command, InvalidArgumentError } from 'commander';
import type { AuditEntry, AuditStatus, AuditVerification, Head } from '../../audit/index.js';
import { invalidArgument } from '../../domain/errors.js';
import { guarded, withTokenOption, type CliAccess } from '../access.js';
import { nonNegativeInteger, positiveInteger } from '../options.js';

const STATUSES: readonly AuditStatus[] = ['ok', 'error', 'denied', 'unauthenticated'];
export const BROKEN_EXIT_CODE = 2;

const withCommon = (command: Command) =>
  withTokenOption(command.option('--data <dir>', 'data directory holding audit/ (default: RINGTRACE_DATA or ./data)'));

const audit = () => import('../../audit/index.js');

function anchor(value: string): Head {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value);
  if (!match) throw new InvalidArgumentError(`expected SEQ:HASH as \`ringtrace audit head\` prints it, got "${value}"`);
  return { seq: Number(match[1]), hash: match[2]! };
}

function status(value: string): AuditStatus {
  if (!(STATUSES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${STATUSES.join(', ')}, got "${value}"`);
  }
  return value as AuditStatus;
}

/** The first bad line on stderr and exit code 2; true when the trail is intact. */
function report(result: AuditVerification): boolean {
  for (const warning of result.warnings) process.stderr.write(`ringtrace: warning: ${warning}\n`);
  if (result.ok) return true;
  const p = result.problem!;
  const seq = p.seq === null ? '' : ` (seq ${p.seq})`;
  process.stderr.write(`ringtrace: audit trail broken at line ${p.line}${seq} of ${result.file}: ${p.kind}: ${p.message}\n`);
  process.exitCode = BROKEN_EXIT_CODE;
  return false;
}

const verifyCommand = () =>
  withCommon(new Command('verify'))
    .description(`check every entry's hash and link, the seqs and the head; exit ${BROKEN_EXIT_CODE} naming the first bad line`)
    .option('--anchor <seq:hash>', 'also check that this entry (noted earlier from `audit head`) is unchanged', anchor)
    .option('--json', 'print the result as JSON')
    .action(
      guarded({ name: 'audit verify' }, 'audit:read', async (access: CliAccess, o: { anchor?: Head; json?: boolean }) => {
        const result = await (await audit()).verifyTrail(access.config.dataDir, { anchor: o.anchor });
        if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        if (report(result) && !o.json) {
          process.stdout.write(`audit trail intact: ${result.entries} entries, head ${result.head.seq}:${result.head.hash}\n`);
        }
      }),
    );

const headCommand = () =>
  withCommon(new Command('head'))
    .description('verify the trail, then print its head (SEQ:HASH) to note elsewhere; `verify --anchor` checks it later')
    .action(
      guarded({ name: 'audit head' }, 'audit:read', async (access: CliAccess) => {
        const result = await (await audit()).verifyTrail(access.config.dataDir);
        if (report(result)) process.stdout.write(`${result.head.seq}:${result.head.hash}\n`);
      }),
    );

const cell = (entry: AuditEntry) => {
  const who = entry.who ? `${entry.who.name} (${entry.who.role})` : 'anonymous';
  const outcome = entry.outcome.code ? `${entry.outcome.status} ${entry.outcome.code}` : entry.outcome.status;
  const size = entry.size.bytes === undefined ? '' : ` ${entry.size.bytes} B`;
  return `${entry.seq}  ${entry.at}  ${who}  ${entry.action.kind} ${entry.action.name}  ${outcome}  ${entry.durationMs} ms${size}`;
};

interface ListOptions {
  after?: number;
  limit: number;
  who?: string;
  action?: string;
  outcome?: AuditStatus;
  json?: boolean;
}

const listCommand = () =>
  withCommon(new Command('list'))
    .description('print entries, oldest first (one line each; --json: JSON lines with every field)')
    .option('--after <seq>', 'entries after this seq', nonNegativeInteger)
    .option('--limit <n>', 'at most N entries (1 to 1000)', positiveInteger, 100)
    .option('--who <id-or-name>', 'the caller: token:<id>, a name, or anonymous')
    .option('--action <text>', 'part of the action name, any case (import, token create, an operation name)')
    .option('--outcome <status>', `one of ${STATUSES.join(', ')}`, status)
    .option('--json', 'JSON lines')
    .action(
      guarded({ name: 'audit list' }, 'audit:read', async (access: CliAccess, o: ListOptions) => {
        const { readTrail, MAX_PAGE } = await audit();
        if (o.limit > MAX_PAGE) throw invalidArgument('--limit', `at most ${MAX_PAGE}, got ${o.limit}`);
        const page = await readTrail(access.config.dataDir, {
          after: o.after,
          first: o.limit,
          who: o.who,
          action: o.action,
          outcome: o.outcome,
        });
        const lines = page.entries.map((e) => (o.json ? JSON.stringify(e) : cell(e)));
        if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
        if (page.hasMore) process.stderr.write(`ringtrace: more entries: --after ${page.nextAfter}\n`);
      }),
    );

export const auditCommand = () =>
  new Command('audit')
    .description('the audit trail: verify it, print its head, list entries (admins: audit:read)')
    .addCommand(verifyCommand())
    .addCommand(headCommand())
    .addCommand(listCommand());
