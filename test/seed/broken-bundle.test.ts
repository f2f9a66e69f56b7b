import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCaseBundle, type LoadResult } from '@ringtrace/server/ingest/case-bundle/index.js';
import type { GraphStore } from '@ringtrace/server/store/port.js';
import { DEMO_DIR } from '@ringtrace/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from './demo-store.js';

/** Replaces data row `row` (1 = first after the header) of a CSV; returns its line number. */
async function editRow(path: string, row: number, edit: (cells: string[]) => string[]): Promise<number> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  lines[row] = edit(lines[row]!.split(',')).join(',');
  await writeFile(path, lines.join('\n'));
  return row + 1;
}

describe('a copy of the demo case with broken rows', () => {
  let store: GraphStore;
  let dispose: () => Promise<void>;
  let dir: string;
  let result: LoadResult;
  const lines: Record<string, number> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringtrace-broken-'));
    await cp(DEMO_DIR, dir, { recursive: true });
    // CALLED.csv: from,to,at,durationSeconds,callerIdShown
    lines.duration = await editRow(join(dir, 'links/CALLED.csv'), 10, (c) => [c[0]!, c[1]!, c[2]!, 'long', c[4]!]);
    lines.victim = await editRow(join(dir, 'links/CALLED.csv'), 20, (c) => [c[0]!, 'v-9999', ...c.slice(2)]);
    // PAID.csv: from,to,amount,asset,at,txHash
    lines.amount = await editRow(join(dir, 'links/PAID.csv'), 5, (c) => [c[0]!, c[1]!, '12.5.0', ...c.slice(3)]);
    // Person.csv: key,name,aliases,role,status,nationality,languages,source
    lines.role = await editRow(join(dir, 'entities/Person.csv'), 3, (c) => [
      c[0]!,
      c[1]!,
      c[2]!,
      'astronaut',
      ...c.slice(4),
    ]);
    lines.cells = await editRow(join(dir, 'entities/Workstation.csv'), 2, (c) => c.slice(0, 3));
    // A malformed phone number is flagged and kept, not rejected.
    lines.phone = await editRow(join(dir, 'entities/PhoneNumber.csv'), 1, () => ['not a number', 'false', '']);
    ({ store, dispose } = await freshStore());
    result = await loadCaseBundle(store, dir, { loadedBy: 'test' });
  });
  afterAll(async () => {
    await dispose?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects each broken row naming file, line and field, and loads the rest', async () => {
    expect(result.rejects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'links/CALLED.csv', line: lines.duration, field: 'durationSeconds' }),
        expect.objectContaining({
          file: 'links/CALLED.csv',
          line: lines.victim,
          field: 'to',
          reason: expect.stringMatching(/no Victim "v-9999"/),
        }),
        expect.objectContaining({ file: 'links/PAID.csv', line: lines.amount, field: 'amount' }),
        expect.objectContaining({ file: 'entities/Person.csv', line: lines.role, field: 'role' }),
        expect.objectContaining({ file: 'entities/Workstation.csv', line: lines.cells }),
      ]),
    );
    const links = await store.countByLinkType();
    expect(links.CALLED).toBe(898);
    expect(links.PAID).toBe(393);
  });

  it('rejects the links of a rejected entity rather than inventing it', async () => {
    const person = result.rejects.find((r) => r.file === 'entities/Person.csv')!;
    expect(person).toBeDefined();
    const dependants = result.rejects.filter((r) => r.file !== 'entities/Person.csv' && /no Person/.test(r.reason));
    expect(dependants.length).toBeGreaterThan(0); // WORKS_AT, RECRUITED, CITIZEN_OF... of that person
  });

  it('flags a malformed phone number and keeps it', async () => {
    expect(result.flags).toContainEqual(
      expect.objectContaining({
        file: 'entities/PhoneNumber.csv',
        line: lines.phone,
        field: 'number',
        value: 'not a number',
      }),
    );
    const [phone] = await store.getEntities(['phone:invalid:not a number']);
    expect(phone?.properties.valid).toBe(false);
  });

  it('skips a file of an unknown kind or with an unknown column, naming it', async () => {
    const other = await mkdtemp(join(tmpdir(), 'ringtrace-broken-'));
    try {
      await cp(join(DEMO_DIR, 'bundle.json'), join(other, 'bundle.json'));
      await mkdir(join(other, 'entities'));
      await mkdir(join(other, 'links'));
      await writeFile(join(other, 'entities/Spaceship.csv'), 'key\nx\n');
      await writeFile(join(other, 'entities/Victim.csv'), 'key,shoeSize\nv-1,44\n');
      await writeFile(join(other, 'links/LOVES.csv'), 'from,to\na,b\n');
      const r = await loadCaseBundle(store, other, { loadedBy: 'test' });
      expect(r.rejects).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            file: 'entities/Spaceship.csv',
            line: 1,
            field: 'file',
            reason: expect.stringMatching(/unknown kind "Spaceship"/),
          }),
          expect.objectContaining({ file: 'entities/Victim.csv', line: 1, field: 'shoeSize' }),
          expect.objectContaining({
            file: 'links/LOVES.csv',
            line: 1,
            reason: expect.stringMatching(/unknown relationship type "LOVES"/),
          }),
        ]),
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
