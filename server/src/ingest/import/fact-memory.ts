/**
 * The facts one file has asserted so far, to leave out a row that asserts one again with the same values:
 * the hub number named by a million calls is written (and cited) once, by the first row that names it,
 * instead of collecting a million sources. A row that says something new about the fact (another value)
 * is written with its own source. Bounded: past `capacity` ids the least recently seen are forgotten, and
 * a forgotten fact seen again is cited once more. Decisions depend on the file alone, so a load
 * interrupted and run again makes exactly the same writes.
 */
import type { EntityWrite, LinkWrite } from '../../domain/graph.js';

export const DEFAULT_MEMORY = 200_000;

export class FactMemory {
  private readonly seen = new Map<string, string>();

  constructor(private readonly capacity = DEFAULT_MEMORY) {}

  /** True when this exact fact was asserted before in this file (skip it); remembers it otherwise. */
  repeated(write: EntityWrite | LinkWrite): boolean {
    const print =
      'caption' in write
        ? `${write.caption}\u0000${JSON.stringify(write.properties)}`
        : JSON.stringify(write.properties);
    const before = this.seen.get(write.id);
    if (before !== undefined) this.seen.delete(write.id); // re-inserted below: most recently seen last
    this.seen.set(write.id, before === print ? before : print);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value!);
    return before === print;
  }
}
