import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditTrail } from '../../audit/index.js';
import { event, tempDataDir } from '../../audit/test-support.js';
import { createTestAuth, type TestAuth } from '../../testing/test-auth.js';
import { runTsx } from '../../testing/run-tsx.js';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let auth: TestAuth;
const trailFile = () => join(data.dir, 'audit', 'trail.jsonl');

const cli = (args: string[], role: 'admin' | 'viewer' = 'admin') =>
  runTsx('src/cli/main.ts', ['audit', ...args, '--data', data.dir], {
    INIT_CWD: data.dir,
    RINGTRACE_TOKEN: auth.tokenFor(role),
  });

beforeAll(async () => {
  data = await tempDataDir();
  auth = await createTestAuth({ dataDir: data.dir });
  const trail = openAuditTrail({ dataDir: data.dir, logger: pino({ level: 'silent' }) });
  for (let i = 1; i <= 6; i++) trail.record(event(`Op${i}`, { i }));
  await trail.close();
});
afterAll(async () => {
  await auth?.dispose();
  await data?.dispose();
});

describe('ringtrace audit', () => {
  it('verify exits 0 on an intact trail, head prints SEQ:HASH, list prints entries; each run is recorded', async () => {
    const verified = await cli(['verify']);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^audit trail intact: 6 entries, head 6:[0-9a-f]{64}\n$/);

    const head = await cli(['head']);
    expect(head.code).toBe(0);
    // The verify run above was recorded before this one checked: 7 entries.
    expect(head.stdout).toMatch(/^7:[0-9a-f]{64}\n$/);

    const listed = await cli(['list', '--json', '--action', 'audit']);
    expect(listed.code).toBe(0);
    const entries = listed.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.map((e) => e.action.name)).toEqual(['audit verify', 'audit head']);
    expect(entries[0]).toMatchObject({ action: { kind: 'cli' }, who: { role: 'admin' }, outcome: { status: 'ok' } });
  }, 60_000);

  it('a viewer is refused (exit 1), and the refusal is recorded', async () => {
    const refused = await cli(['list'], 'viewer');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^ringtrace: .*needs a token with the right audit:read \(role admin or above\)/);
    const text = await readFile(trailFile(), 'utf8');
    expect(text.trim().split('\n').at(-1)).toContain('"denied"');
  }, 30_000);

  it('verify exits 2 naming the first bad line of a tampered trail; --anchor catches a rewrite', async () => {
    const anchorRun = await cli(['head']);
    const anchor = anchorRun.stdout.trim();
    const lines = (await readFile(trailFile(), 'utf8')).split('\n');
    lines[2] = lines[2]!.replace('"Op3"', '"Op3 (edited)"');
    await writeFile(trailFile(), lines.join('\n'));
    const broken = await cli(['verify']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/audit trail broken at line 3 \(seq 3\) of .*trail\.jsonl: edited/);

    // A forger rewrites everything consistently: only the anchor noted earlier tells.
    await rm(join(data.dir, 'audit'), { recursive: true });
    const forged = openAuditTrail({ dataDir: data.dir, logger: pino({ level: 'silent' }) });
    for (let i = 1; i <= 20; i++) forged.record(event(`Forged${i}`));
    await forged.close();
    expect((await cli(['verify'])).code).toBe(0);
    const anchored = await cli(['verify', '--anchor', anchor]);
    expect(anchored.code).toBe(2);
    expect(anchored.stderr).toMatch(/anchor-mismatch/);
  }, 60_000);
});
