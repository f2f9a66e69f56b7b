/**
 * The writer of a dry run: counts what each batch would create, update or leave unchanged, reading the
 * store and writing nothing. Facts this dry run would already have written are kept in memory (their
 * values and sources) so a fact named by several batches counts as the store would count it; that memory
 * grows with the distinct facts of the run. The comparison is the store's: new sources or different
 * values make an update (an entity's text is kept, as the import writes with keepText); values are compared as JSON, which is exact for what the importer
 * writes (ISO times, canonical decimals).
 */
import type { EntityWrite, LinkWrite, PropertyValue, WriteBatch } from '../../domain/graph.js';
import { formatSourceRef } from '../../domain/provenance.js';
import type { GraphStore, WriteCounts, WriteOptions, WriteResult } from '../../store/port.js';

interface Known {
  readonly properties: Record<string, PropertyValue>;
  readonly sources: Set<string>;
  caption?: string | undefined;
}

const LOOKUP = 1000;

export class DryRunWriter implements Pick<GraphStore, 'write' | 'getEntities'> {
  private readonly facts = new Map<string, Known>();

  constructor(private readonly store: GraphStore) {}

  getEntities(ids: readonly string[]) {
    return this.store.getEntities(ids);
  }

  async write(batch: WriteBatch, _options?: WriteOptions): Promise<WriteResult> {
    await this.load(
      batch.entities.map((e) => e.id),
      (ids) => this.store.getEntities(ids),
    );
    await this.load(
      batch.links.map((l) => l.id),
      (ids) => this.store.getLinks(ids),
    );
    return { entities: this.count(batch.entities), links: this.count(batch.links) };
  }

  /** Facts the store holds that this run has not seen yet. */
  private async load(
    ids: readonly string[],
    get: (ids: string[]) => Promise<
      ReadonlyArray<
        { id: string; properties: object; sources: readonly { sha256: string; locator: string }[] } & {
          caption?: unknown;
        }
      >
    >,
  ) {
    const unknown = [...new Set(ids.filter((id) => !this.facts.has(id)))];
    for (let i = 0; i < unknown.length; i += LOOKUP) {
      for (const fact of await get(unknown.slice(i, i + LOOKUP))) {
        this.facts.set(fact.id, {
          properties: { ...(fact.properties as Record<string, PropertyValue>) },
          sources: new Set(fact.sources.map(formatSourceRef)),
        });
      }
    }
  }

  private count(writes: readonly (EntityWrite | LinkWrite)[]): WriteCounts {
    const created = new Set<string>();
    const updated = new Set<string>();
    const unchanged = new Set<string>();
    for (const w of writes) {
      const source = formatSourceRef(w.source);
      const known = this.facts.get(w.id);
      const caption = 'caption' in w ? w.caption : undefined;
      if (!known) {
        this.facts.set(w.id, { properties: { ...w.properties }, sources: new Set([source]), caption });
        created.add(w.id);
        continue;
      }
      let changed = !known.sources.has(source);
      known.sources.add(source);
      for (const [name, value] of Object.entries(w.properties)) {
        if (value === null) continue;
        if (JSON.stringify(known.properties[name] ?? null) !== JSON.stringify(value)) changed = true;
        known.properties[name] = value;
      }
      // Text is kept on existing entities (keepText), so a caption alone changes nothing.
      known.caption = caption;
      if (created.has(w.id)) continue;
      if (changed) updated.add(w.id);
      else if (!updated.has(w.id)) unchanged.add(w.id);
    }
    for (const id of updated) unchanged.delete(id);
    return { created: created.size, updated: updated.size, unchanged: unchanged.size };
  }
}
