/**
 * Every statement the embedded adapter can send (allKuzuStatements) runs on Kuzu at least once, through
 * the adapter's own session (prepare, exact parameters, results closed). Parameters get placeholder
 * values of the right shape; the contract suite checks what the statements do.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allKuzuStatements, kuzuStatements, type KuzuStatement } from '@ringtrace/cypher/kuzu/index.js';
import { Database } from 'kuzu';
import { afterAll, describe, expect, it } from 'vitest';
import { model } from '../../domain/model/index.js';
import { KuzuSession, type Params } from './session.js';

const dir = mkdtempSync(join(tmpdir(), 'ringtrace-statements-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const st = kuzuStatements(model);
const TRANSACTION = new Set(['begin', 'commit', 'rollback']);

/** The `$rows` of a COPY: only the type-pinning row, so nothing is loaded but everything binds. */
function pinRows(name: string): unknown[] {
  const [what, owner] = name.split(' ');
  const def =
    what === 'entity' ? model.kinds.find((k) => k.name === owner) : model.relationships.find((r) => r.name === owner);
  const keys = what === 'entity' ? st.entities.get(owner!)!.rowKeys : st.links.get(owner!)!.rowKeys;
  const lists = new Set([
    'sources',
    ...Object.entries(def!.properties)
      .filter(([, p]) => p.type === 'string[]')
      .map(([n]) => `p_${n}`),
  ]);
  return [Object.fromEntries(keys.map((k) => [k, lists.has(k) ? [''] : '']))];
}

let unique = 0;
function paramsFor(name: string, s: KuzuStatement): Params {
  const value = (p: string): unknown => {
    if (p === 'rows') return pinRows(name);
    if (p === 'ids' || p === 'kept' || p === 'inner') return ['victim:placeholder'];
    if (p === 'keptOffsets') return [0];
    // Entity sources are a list, link sources one space-separated string (see REL_SYSTEM_COLUMNS).
    if (p === 'sources') return name.startsWith('link') ? 'a#line:1' : ['a#line:1'];
    if (p === 'limit') return 10;
    if (p === 'id') return `placeholder:${++unique}`;
    if (p.startsWith('p_')) return null;
    return 'victim:placeholder';
  };
  return Object.fromEntries(s.params.map((p) => [p, value(p)]));
}

describe('every Kuzu statement of the adapter', () => {
  it('runs on Kuzu 0.11.3', async () => {
    const db = new Database(join(dir, 'all.kuzu'), 128 * 1024 * 1024);
    const session = new KuzuSession(db, 'all.kuzu', { readConnections: 1, queryTimeoutMs: 30_000 });
    await session.open();
    const stage = join(dir, 'empty.json');
    writeFileSync(stage, '');
    const catalog = allKuzuStatements(model, stage);
    const failures: string[] = [];
    let ran = 0;
    await session.exclusive(async (run) => {
      for (const { name, statement } of catalog) {
        if (TRANSACTION.has(name)) continue;
        try {
          await run(statement, paramsFor(name, statement));
          ran++;
        } catch (error) {
          failures.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
      }
      const tx = new Map(catalog.filter((e) => TRANSACTION.has(e.name)).map((e) => [e.name, e.statement]));
      for (const step of ['begin', 'commit', 'begin', 'rollback']) await run(tx.get(step)!);
      ran += 3;
    });
    await session.close();
    await db.close();
    expect(failures).toEqual([]);
    expect(ran).toBe(catalog.length);
  });
});
