import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCase, type GenerateResult } from './generate-case.js';

const dirs: string[] = [];
async function generate(scale: number, seed: number): Promise<{ dir: string; result: GenerateResult }> {
  const dir = await mkdtemp(join(tmpdir(), 'ringtrace-gen-'));
  dirs.push(dir);
  return { dir, result: await generateCase({ scale, seed, outDir: dir }) };
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function digest(dir: string, files: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of files)
    out[f] = createHash('sha256')
      .update(await readFile(join(dir, f)))
      .digest('hex');
  return out;
}

/** Data rows of a CSV (no quoting in generated link files' first columns). */
async function rows(dir: string, file: string): Promise<string[][]> {
  const text = await readFile(join(dir, file), 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

function counts(values: Iterable<string>): number[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.values()].sort((a, b) => b - a);
}

describe('generateCase', () => {
  it('writes byte-identical files for the same scale and seed, different ones for another seed', async () => {
    const a = await generate(10_000, 7);
    const b = await generate(10_000, 7);
    const c = await generate(10_000, 8);
    expect(a.result).toEqual(b.result);
    expect(await digest(b.dir, b.result.files)).toEqual(await digest(a.dir, a.result.files));
    const other = await digest(c.dir, c.result.files);
    const same = await digest(a.dir, a.result.files);
    expect(other['links/CALLED.csv']).not.toBe(same['links/CALLED.csv']);
    expect(other['entities/Victim.csv']).not.toBe(same['entities/Victim.csv']);
  });

  it.each([10_000, 100_000])('lands within 10 percent of %i relationships, counting every link row', async (scale) => {
    const { dir, result } = await generate(scale, 1);
    expect(Math.abs(result.links - scale) / scale).toBeLessThan(0.1);
    let linkRows = 0;
    for (const f of result.files.filter((f) => f.startsWith('links/'))) linkRows += (await rows(dir, f)).length;
    expect(linkRows).toBe(result.links);
    expect(result.files).toContain('bundle.json');
  });

  it('is skewed like a real operation: hub numbers, hub wallets, hub recruiters across centres', async () => {
    const { dir } = await generate(100_000, 3);
    const calls = await rows(dir, 'links/CALLED.csv');
    const byNumber = counts(calls.map((r) => r[0]!));
    const top1pc = byNumber.slice(0, Math.max(1, Math.ceil(byNumber.length / 100))).reduce((a, b) => a + b, 0);
    expect(top1pc / calls.length).toBeGreaterThan(0.05); // uniform would be about 1%

    const seatCentre = new Map((await rows(dir, 'links/HAS_WORKSTATION.csv')).map((r) => [r[1]!, r[0]!]));
    const centresOfNumber = new Map<string, Set<string>>();
    for (const [ws, number] of await rows(dir, 'links/USES_NUMBER.csv')) {
      const set = centresOfNumber.get(number!) ?? new Set();
      set.add(seatCentre.get(ws!)!);
      centresOfNumber.set(number!, set);
    }
    expect(Math.max(...[...centresOfNumber.values()].map((s) => s.size))).toBeGreaterThanOrEqual(3);

    const byWallet = counts((await rows(dir, 'links/PAID.csv')).map((r) => r[1]!));
    expect(byWallet[0]!).toBeGreaterThan(5 * byWallet[Math.floor(byWallet.length / 2)]!);

    const transfers = await rows(dir, 'links/TRANSFERRED.csv');
    const byTarget = counts(transfers.map((r) => r[1]!));
    expect((byTarget[0]! + byTarget[1]!) / transfers.length).toBeGreaterThan(0.5);

    const centreOf = new Map((await rows(dir, 'links/WORKS_AT.csv')).map((r) => [r[0]!, r[1]!]));
    const recruited = await rows(dir, 'links/RECRUITED.csv');
    const byRecruiter = counts(recruited.map((r) => r[0]!));
    expect(byRecruiter[0]!).toBeGreaterThan(3 * byRecruiter[byRecruiter.length - 1]!);
    const hubCentres = new Set(recruited.filter((r) => r[0] === 'recruiter-0').map((r) => centreOf.get(r[1]!)));
    expect(hubCentres.size).toBeGreaterThanOrEqual(3);
  });

  it('refuses a scale out of range', async () => {
    await expect(generateCase({ scale: 10, seed: 1, outDir: join(tmpdir(), 'never') })).rejects.toThrow(
      /scale must be/,
    );
  });
});
