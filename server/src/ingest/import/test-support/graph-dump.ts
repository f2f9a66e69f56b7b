/**
 * For tests: every entity and link of a store through the port, and a canonical form of it that two
 * loads of the same files must share (times of loading and run names left out: they differ by design).
 */
import { createHash } from 'node:crypto';
import type { Entity, GraphStore, Link } from '../../../store/port.js';

const CHUNK = 1000;

async function ids(store: GraphStore, cypher: string): Promise<string[]> {
  const read = await store.runRead(cypher, {}, { rowCap: 100_000 });
  if (read.truncated) throw new Error(`dump: more than ${read.rows.length} rows`);
  return read.rows.map((r) => String(r[0]));
}

export async function dumpGraph(store: GraphStore): Promise<{ entities: Entity[]; links: Link[] }> {
  const entityIds = await ids(store, 'MATCH (n) RETURN n.id AS id');
  const linkIds = await ids(store, 'MATCH ()-[l]->() RETURN l.id AS id');
  const entities: Entity[] = [];
  const links: Link[] = [];
  for (let i = 0; i < entityIds.length; i += CHUNK)
    entities.push(...(await store.getEntities(entityIds.slice(i, i + CHUNK))));
  for (let i = 0; i < linkIds.length; i += CHUNK) links.push(...(await store.getLinks(linkIds.slice(i, i + CHUNK))));
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { entities: entities.sort(byId), links: links.sort(byId) };
}

/** The dump without what differs between two loads of the same files by design: when, and the run's name. */
export function canonicalDump(dump: { entities: readonly Entity[]; links: readonly Link[] }) {
  const entities = dump.entities.map((e) => {
    if (e.kind === 'ImportRun') {
      const { mapping, files, status, rows, rejected, loadedBy } = e.properties;
      return { id: 'importrun:*', kind: e.kind, properties: { mapping, files, status, rows, rejected, loadedBy } };
    }
    if (e.kind === 'SourceFile') {
      const { loadedAt: _at, importRun: _run, ...rest } = e.properties;
      return { ...e, properties: rest };
    }
    return e;
  });
  return { entities, links: dump.links };
}

export const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
