import { isDomainError } from '../../domain/errors.js';
import type { EntityWrite, LinkWrite } from '../../domain/graph.js';
import { addCounts, zeroCounts, type GraphStore, type WriteOptions } from '../../store/port.js';
import type { Issues, Origin } from './issues.js';

/** An end of a link whose entity is neither in this bundle (so far) nor created by it: the store must have it. */
export interface EndToCheck {
  readonly id: string;
  /** The column to blame (`from`/`to` in a bundle; the mapping's column in an import). */
  readonly field: string;
  readonly kind: string;
  readonly raw: string;
}

interface Layer {
  readonly ids: Set<string>;
  readonly entities: EntityWrite[];
  readonly entityOrigins: Origin[];
  readonly links: LinkWrite[];
  readonly linkOrigins: Origin[];
  readonly checks: Array<readonly EndToCheck[]>;
}

const LOOKUP_CHUNK = 1000;
/** Store errors that blame the data, so the batch is split to find the row; anything else stops the load. */
const DATA_ERRORS = new Set(['INVALID_ARGUMENT', 'CONFLICT', 'NOT_FOUND']);

/**
 * Collects prepared writes and hands them to the store in batches. A fact whose id is already in the
 * batch (the same entity cited by two sources, or listed twice) goes to a later layer, so no single
 * write holds one id twice; layers are written in order.
 */
export class Batcher {
  private layers: Layer[] = [];
  size = 0;
  entities = zeroCounts();
  links = zeroCounts();

  constructor(
    private readonly store: Pick<GraphStore, 'write' | 'getEntities'>,
    /** Ids known to exist: written by this load or found in the store. */
    private readonly known: Set<string>,
    private readonly issues: Issues,
    /** Passed with every store write (the importer's bulk loads keep existing entities' text). */
    private readonly writeOptions: WriteOptions = {},
    /**
     * One write per flush even when an id repeats (the store merges repeats: sources united, later values
     * win), so a fact named twice in a batch is written once: re-reading the batch then finds it unchanged.
     */
    private readonly oneLayer = false,
  ) {}

  addEntity(write: EntityWrite, origin: Origin): void {
    const layer = this.layerFor(write.id);
    layer.entities.push(write);
    layer.entityOrigins.push(origin);
    this.size++;
  }

  addLink(write: LinkWrite, origin: Origin, checks: readonly EndToCheck[] = []): void {
    const layer = this.layerFor(write.id);
    layer.links.push(write);
    layer.linkOrigins.push(origin);
    layer.checks.push(checks);
    this.size++;
  }

  /** Drops what is not written yet: a half-read batch of a file that stopped being readable. */
  discard(): void {
    this.layers = [];
    this.size = 0;
  }

  async flush(): Promise<void> {
    const layers = this.layers;
    this.layers = [];
    this.size = 0;
    if (layers.length === 0) return;
    const missing = await this.missingEnds(layers);
    for (const layer of layers) {
      const keep = layer.links.map((_, i) => {
        const absent = layer.checks[i]!.find((c) => missing.has(c.id));
        if (!absent) return true;
        this.issues.reject(
          layer.linkOrigins[i]!,
          `no ${absent.kind} "${absent.raw}" (${absent.id}) in this bundle or the store`,
          absent.field,
        );
        return false;
      });
      await this.write(
        layer.entities,
        layer.entityOrigins,
        layer.links.filter((_, i) => keep[i]),
        layer.linkOrigins.filter((_, i) => keep[i]),
      );
    }
  }

  private layerFor(id: string): Layer {
    let layer = this.oneLayer ? this.layers[0] : this.layers.find((l) => !l.ids.has(id));
    if (!layer) {
      layer = { ids: new Set(), entities: [], entityOrigins: [], links: [], linkOrigins: [], checks: [] };
      this.layers.push(layer);
    }
    layer.ids.add(id);
    return layer;
  }

  /** Ends to check that the store does not have either; the ones it has become known. */
  private async missingEnds(layers: readonly Layer[]): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const layer of layers)
      for (const checks of layer.checks) for (const c of checks) if (!this.known.has(c.id)) ids.add(c.id);
    const list = [...ids];
    for (let i = 0; i < list.length; i += LOOKUP_CHUNK) {
      for (const entity of await this.store.getEntities(list.slice(i, i + LOOKUP_CHUNK))) {
        this.known.add(entity.id);
        ids.delete(entity.id);
      }
    }
    return ids;
  }

  /**
   * One store write; when the store refuses the data, the batch is halved until the refused fact is
   * found and rejected with its file and line. Entities go first so links always find their ends.
   */
  private async write(
    entities: EntityWrite[],
    entityOrigins: Origin[],
    links: LinkWrite[],
    linkOrigins: Origin[],
  ): Promise<void> {
    if (entities.length + links.length === 0) return;
    try {
      const result = await this.store.write({ entities, links }, this.writeOptions);
      this.entities = addCounts(this.entities, result.entities);
      this.links = addCounts(this.links, result.links);
      return;
    } catch (error) {
      if (!isDomainError(error) || !DATA_ERRORS.has(error.code)) throw error;
      if (entities.length + links.length === 1) {
        const origin = entities.length === 1 ? entityOrigins[0]! : linkOrigins[0]!;
        const field = typeof error.details.argument === 'string' ? error.details.argument : undefined;
        this.issues.reject(origin, `the store refused it: ${error.message}`, field);
        return;
      }
    }
    if (entities.length > 0 && links.length > 0) {
      await this.write(entities, entityOrigins, [], []);
      await this.write([], [], links, linkOrigins);
      return;
    }
    const half = Math.ceil((entities.length + links.length) / 2);
    if (entities.length > 0) {
      await this.write(entities.slice(0, half), entityOrigins.slice(0, half), [], []);
      await this.write(entities.slice(half), entityOrigins.slice(half), [], []);
    } else {
      await this.write([], [], links.slice(0, half), linkOrigins.slice(0, half));
      await this.write([], [], links.slice(half), linkOrigins.slice(half));
    }
  }
}
