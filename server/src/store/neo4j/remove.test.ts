/** Removal on Neo4j without a server: routing by kind and type, and links counted once across entities. */
import { createNeo4jStatements, type CypherStatement } from '@ringtrace/cypher/neo4j/index.js';
import { describe, expect, it } from 'vitest';
import { model } from '../../domain/model/index.js';
import type { Row, Tx } from './executor.js';
import { removalIds, removeEntitiesIn, removeLinksIn } from './remove.js';

const s = createNeo4jStatements(model);

/** A transaction that answers each statement by name and records what it was sent. */
function fakeTx(answers: Record<string, Row[]>) {
  const sent: Array<{ name: string; params: unknown }> = [];
  const tx: Tx = {
    run: async (stmt: CypherStatement, params) => {
      sent.push({ name: stmt.name, params });
      return answers[stmt.name] ?? [];
    },
  };
  return { tx, sent };
}

describe('Neo4j removal', () => {
  it('sends one statement per kind and counts each removed link once', async () => {
    const { tx, sent } = fakeTx({
      'entity.remove.Wallet': [
        { id: 'wallet:eth:0xa', links: ['link:TRANSFERRED:1', 'link:PAID:2'] },
        { id: 'wallet:eth:0xb', links: ['link:TRANSFERRED:1'] },
      ],
      'entity.remove.Victim': [{ id: 'victim:v-1', links: [] }],
    });
    const result = await removeEntitiesIn(tx, s, ['wallet:eth:0xa', 'victim:v-1', 'nonsense', 'wallet:eth:0xb']);
    expect(result).toEqual({ entities: 3, links: 2 });
    expect(sent).toEqual([
      { name: 'entity.remove.Wallet', params: { ids: ['wallet:eth:0xa', 'wallet:eth:0xb'] } },
      { name: 'entity.remove.Victim', params: { ids: ['victim:v-1'] } },
    ]);
  });

  it('routes link ids to their type and skips ids of no type', async () => {
    const { tx, sent } = fakeTx({ 'link.remove.CALLED': [{ id: 'link:CALLED:1' }] });
    expect(await removeLinksIn(tx, s, ['link:CALLED:1', 'link:CALLED:2', 'link:NOPE:3', 'x'])).toBe(1);
    expect(sent).toEqual([{ name: 'link.remove.CALLED', params: { ids: ['link:CALLED:1', 'link:CALLED:2'] } }]);
  });

  it('refuses a non-string id or a non-list by name', () => {
    expect(() => removalIds('ids', ['a:1', 7 as unknown as string])).toThrow(/ids: ids must be strings, got 7/);
    expect(() => removalIds('ids', 'a:1' as unknown as string[])).toThrow(/ids: must be a list of ids/);
    expect(removalIds('ids', ['a:1', 'a:1'])).toEqual(['a:1']);
  });
});
