import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditPaths } from './audit-file.js';
import { entryHash } from './entry.js';
import { event, openTrail, tempDataDir } from './test-support.js';
import { verifyTrail } from './verify.js';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let paths: ReturnType<typeof auditPaths>;
/** Ten good entries, seq 1 to 10 on lines 1 to 10. */
beforeEach(async () => {
  data = await tempDataDir();
  const trail = openTrail(data.dir);
  for (let i = 1; i <= 10; i++) trail.record(event(`Op${i}`, { i }));
  await trail.close();
  paths = trail.paths;
});
afterEach(() => data.dispose());

const readLines = async () => (await readFile(paths.trail, 'utf8')).split('\n').slice(0, -1);
const writeLines = (lines: string[]) => writeFile(paths.trail, lines.map((l) => `${l}\n`).join(''));

describe('verifying the audit trail', () => {
  it('passes an untouched trail, and an empty or absent one', async () => {
    expect(await verifyTrail(data.dir)).toMatchObject({ ok: true, entries: 10, problem: null, warnings: [] });
    const empty = await tempDataDir();
    expect(await verifyTrail(empty.dir)).toMatchObject({ ok: true, entries: 0, head: { seq: 0 } });
    await empty.dispose();
  });

  it('detects an edited field, naming the line', async () => {
    const lines = await readLines();
    lines[3] = lines[3]!.replace('"Op4"', '"Op4-edited"');
    await writeLines(lines);
    expect(await verifyTrail(data.dir)).toMatchObject({
      ok: false,
      entries: 3,
      problem: { line: 4, seq: 4, kind: 'edited' },
    });
  });

  it('detects an edit whose hash was recomputed: the next entry no longer follows', async () => {
    const lines = await readLines();
    const entry = JSON.parse(lines[3]!) as Record<string, unknown>;
    entry['durationMs'] = 999;
    entry['hash'] = entryHash(entry);
    lines[3] = JSON.stringify(entry);
    await writeLines(lines);
    expect((await verifyTrail(data.dir)).problem).toMatchObject({ line: 5, seq: 5, kind: 'chain-broken' });
  });

  it('detects a removed middle entry', async () => {
    const lines = await readLines();
    lines.splice(4, 1);
    await writeLines(lines);
    const { problem } = await verifyTrail(data.dir);
    expect(problem).toMatchObject({ line: 5, seq: 6, kind: 'removed' });
    expect(problem!.message).toContain('entry 5 is missing');
  });

  it('detects two swapped entries as reordered', async () => {
    const lines = await readLines();
    [lines[6], lines[7]] = [lines[7]!, lines[6]!];
    await writeLines(lines);
    const { problem } = await verifyTrail(data.dir);
    expect(problem).toMatchObject({ line: 7, seq: 8, kind: 'reordered' });
    expect(problem!.message).toContain('found at line 8');
  });

  it('detects the last entries removed (the head names a later one)', async () => {
    await writeLines((await readLines()).slice(0, 7));
    const { problem, entries } = await verifyTrail(data.dir);
    expect(entries).toBe(7);
    expect(problem).toMatchObject({ line: 8, kind: 'truncated' });
    expect(problem!.message).toContain('entries 8 to 10 are missing');
  });

  it('detects a removed head file once there are entries', async () => {
    await rm(paths.head);
    expect((await verifyTrail(data.dir)).problem).toMatchObject({ kind: 'head-missing' });
  });

  it('detects a garbage line and a cut last line', async () => {
    const lines = await readLines();
    lines.splice(2, 0, 'this is not json {');
    await writeLines(lines);
    expect((await verifyTrail(data.dir)).problem).toMatchObject({ line: 3, seq: null, kind: 'not-json' });

    const good = (await readLines()).filter((l) => !l.startsWith('this'));
    await writeFile(paths.trail, `${good.slice(0, 9).join('\n')}\n${good[9]!.slice(0, 40)}`);
    expect((await verifyTrail(data.dir)).problem).toMatchObject({ line: 10, kind: 'torn' });
  });

  it('detects a whole rewrite against an anchor noted earlier', async () => {
    const anchor = (await verifyTrail(data.dir)).head;
    // A forger rebuilds the trail from scratch with other content: a consistent chain and head.
    await rm(paths.dir, { recursive: true });
    const forged = openTrail(data.dir);
    for (let i = 1; i <= 10; i++) forged.record(event(`Forged${i}`));
    await forged.close();
    expect((await verifyTrail(data.dir)).ok).toBe(true);
    expect((await verifyTrail(data.dir, { anchor })).problem).toMatchObject({ line: 10, kind: 'anchor-mismatch' });
  });

  it('continues the chain after a torn last line (a crash mid-write), cutting the torn bytes', async () => {
    const text = await readFile(paths.trail, 'utf8');
    await writeFile(paths.trail, `${text}{"seq":11,"at":"2024`);
    const trail = openTrail(data.dir);
    trail.record(event('After crash'));
    await trail.close();
    expect(await verifyTrail(data.dir)).toMatchObject({ ok: true, entries: 11 });
  });
});
