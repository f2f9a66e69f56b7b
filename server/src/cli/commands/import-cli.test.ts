/**
 * `ringtrace import` / `imports` as scripts use them: exit codes, the reject file, JSON output, undo, and
 * loading through a running server when it holds the embedded database.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ended, runCli, startCli } from '../../ingest/import/test-support/cli-child.js';
import { SAMPLES } from '../../ingest/import/test-support/temp-store.js';
import { tokenIn } from '../../testing/test-auth.js';

let dir: string;
/** An admin's token of the `db` data directory (undo needs admin). */
let admin: string;
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, dir, { RINGTRACE_TOKEN: admin, ...env });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringtrace-import-cli-'));
  admin = await tokenIn(join(dir, 'db'), 'admin');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('ringtrace import', () => {
  let run: string;

  it('--help and --list-mappings', async () => {
    for (const command of ['import', 'imports']) {
      const help = await cli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: ringtrace ${command}`);
    }
    const list = await cli(['import', '--list-mappings']);
    expect(list.stdout).toMatch(/^cdr +Call-detail records/m);
  });

  it('exits 2 when rows were rejected, writing them to the reject file (file, line, field, reason)', async () => {
    const result = await cli(['import', `${SAMPLES}cdr.csv`, '--mapping', 'cdr', '--data', 'db', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
    const summary = JSON.parse(result.stdout) as { run: string; rejected: number; rejectFile: string };
    expect(summary).toMatchObject({ rejected: 4, flagged: 1 });
    run = summary.run;
    const rejects = (await readFile(summary.rejectFile, 'utf8')).trim().split('\n');
    expect(rejects[0]).toBe('outcome,file,line,field,value,reason');
    expect(rejects[1]).toMatch(/^rejected,.*cdr\.csv,6,start_time,,/);
    expect(rejects).toHaveLength(6);
  });

  it('exits 0 on a file already loaded, saying so', async () => {
    const again = await cli(['import', `${SAMPLES}cdr.csv`, '--mapping', 'cdr', '--data', 'db']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing to import: every file was loaded before/);
    expect(again.stdout).toContain(`(run ${run})`);
  });

  it('lists runs and undoes one', async () => {
    const list = await cli(['imports', '--data', 'db']);
    expect(list.stdout).toMatch(new RegExp(`^${run} +complete +`, 'm'));
    const loader = await tokenIn(join(dir, 'db'), 'loader');
    const refused = await cli(['import', '--undo', run, '--data', 'db'], { RINGTRACE_TOKEN: loader });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^ringtrace: ringtrace import needs a token with the right import:undo \(role admin or above\)/,
    );
    const undo = await cli(['import', '--undo', run, '--data', 'db']);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toMatch(/^undid run-.*\n {2}entities {2}\d+ removed/);
    expect((await cli(['imports', '--data', 'db', '--json'])).stdout).toContain('"status": "undone"');
  });

  it('exits 3 when a file stops before its end, 1 with one line on a bad mapping or a missing file', async () => {
    await writeFile(join(dir, 'empty.csv'), '');
    const stopped = await cli(['import', 'empty.csv', '--mapping', 'cdr', '--data', 'db']);
    expect(stopped.code).toBe(3);
    expect(stopped.stdout).toContain('empty.csv: the file is empty');
    const bad = await cli(['import', 'empty.csv', '--mapping', 'no-such-mapping', '--data', 'db']);
    expect(bad).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^ringtrace: --mapping: no mapping file "no-such-mapping"[^\n]*\n$/),
    });
    const missing = await cli(['import', 'nope.csv', '--mapping', 'cdr', '--data', 'db']);
    expect(missing).toMatchObject({ code: 1, stderr: 'ringtrace: files: no file nope.csv\n' });
  });

  it('goes through the running server that holds the embedded database', { timeout: 180_000 }, async () => {
    const port = await freePort();
    const served = await tokenIn(join(dir, 'served'), 'loader');
    const server = startCli(['serve', '--port', String(port), '--data', 'served'], dir, { LOG_LEVEL: 'warn' });
    const stopped = ended(server);
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 300; i++) {
        const ready = await fetch(`${url}/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const env = { PORT: String(port), RINGTRACE_TOKEN: served };
      const result = await cli(
        ['import', `${SAMPLES}staff-list.csv`, '--mapping', 'staff-list', '--data', 'served'],
        env,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/^import run-/);
      // The token goes to the server as Bearer; the server records its own caller, then the CLI's words.
      const runs = await cli(['imports', '--server', url, '--json'], { RINGTRACE_TOKEN: served });
      expect(JSON.parse(runs.stdout)).toMatchObject({
        runs: [
          {
            loadedBy: expect.stringMatching(/^token:([0-9a-f]{16}) over http \(token:\1 via ringtrace import/),
          },
        ],
      });
      const anonymous = await cli(['imports', '--server', url], { RINGTRACE_TOKEN: '' });
      expect(anonymous.stderr).toMatch(/needs a token with the right import:run/);
      const wrong = await cli(['imports', '--server', url], { RINGTRACE_TOKEN: admin });
      expect(wrong).toMatchObject({ code: 1, stderr: 'ringtrace: the token is not valid\n' });
    } finally {
      server.kill('SIGTERM');
      await stopped;
    }
  });
});
