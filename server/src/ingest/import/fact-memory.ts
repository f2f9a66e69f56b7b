/**
 * The facts one file has asserted so far, to leave out a row that asserts one again with the same values:
 * the hub number named by a million calls is written (and cited) once, by the first row that names it,
 * instead of collecting a million sources. A row that says something new about the fact (another value)
 * is written with its own source. This saves writes; what the graph holds does not depend on it.
 * Bounded, in two generations: facts go into the young one; when it holds `capacity / 2` ids it becomes
 * the old one and the old one is dropped; a fact found in the old generation moves to the young. So the
 * `capacity / 2` most recently seen ids are always remembered and never more
 * than `capacity`; a forgotten fact seen again is written again, and the store finds it already cites the
 * file (WriteOptions.oneCitationPerFile) and leaves it unchanged. (A least-recently-used list deleted and
 * re-inserted a key on every fact: 5.0 us a call record at 1e5 rows, the costliest step of the loop; 2.8 us
 * now, in the importer's two memories.)
 * Decisions depend on the file alone, so a load interrupted and run again makes exactly the same writes.
 */
import type { EntityWrite, LinkWrite } from '../../domain/graph.js';

export const DEFAULT_MEMORY = 200_000;

/**
 * The values a fact asserts as one string, equal exactly when the values are (as JSON.stringify's, without
 * building JSON). Values are primitives or lists of strings (the model's types); each is tagged with its
 * type, so 1 and "1" differ.
 */
function printOf(properties: EntityWrite['properties']): string {
  let out = '';
  for (const key in properties) {
    const v = properties[key];
    // Length-prefixed, so no value can pass for another whatever characters it holds.
    const text = Array.isArray(v) ? JSON.stringify(v) : String(v);
    out += `${key}\u0000${Array.isArray(v) ? 'list' : typeof v}${text.length}:${text}`;
  }
  return out;
}

export class FactMemory {
  private young = new Map<string, string>();
  private old = new Map<string, string>();

  constructor(private readonly capacity = DEFAULT_MEMORY) {}

  /** True when this exact fact was asserted before in this file (skip it); remembers it otherwise. */
  repeated(write: EntityWrite | LinkWrite): boolean {
    const print = 'caption' in write ? `${write.caption}\u0000${printOf(write.properties)}` : printOf(write.properties);
    const before = this.young.get(write.id) ?? this.old.get(write.id);
    this.young.set(write.id, before === print ? before : print);
    if (this.young.size >= Math.max(1, this.capacity / 2)) {
      this.old = this.young;
      this.young = new Map();
    }
    return before === print;
  }
}
