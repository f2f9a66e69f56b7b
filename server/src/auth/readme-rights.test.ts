import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { leastRoleWith, RIGHTS } from '../domain/access/rights.js';

/** server/README.md's "Access" table is copied from rights.ts: this fails when the two disagree. */
describe('the README rights table', () => {
  it('lists every right with the least role that holds it', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = /## Access\n([\s\S]*?)(?=\n## )/.exec(readme)?.[1] ?? '';
    const rows = [...section.matchAll(/^\| `([a-z]+:[a-z]+)` +\| (\w+) +\|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(RIGHTS.map((right) => [right, leastRoleWith(right)]));
  });
});
