import type { BundleWriter } from '../bundle/bundle-writer.js';
import type { Cell } from '../bundle/csv-writer.js';

export type Row = Readonly<Record<string, Cell>>;
export type Emit = (row: Row) => void;

/** A bundle writer that counts what it writes: entity rows and link rows. */
export class Sink {
  entities = 0;
  links = 0;

  constructor(readonly bundle: BundleWriter) {}

  async entity(kind: string, header: readonly string[]): Promise<Emit> {
    const w = await this.bundle.entities(kind, header);
    return (row) => {
      this.entities++;
      w.record(row);
    };
  }

  async link(type: string, header: readonly string[]): Promise<Emit> {
    const w = await this.bundle.links(type, header);
    return (row) => {
      this.links++;
      w.record(row);
    };
  }

  drain(): Promise<void> {
    return this.bundle.drain();
  }
}
