/**
 * The links of an expansion: every link between two kept entities with at least one end at distance
 * < depth (an "inner" end). Reading a node's links costs one statement (~1-2 ms) whatever its degree,
 * since the far end is checked against the kept engine ids in the engine; so the store reads the links
 * of as few kept nodes as cover every link that can exist, judged from the model: for each pair of kinds
 * a followed relationship type joins, either every kept node of one kind that can meet an inner node of
 * the other, or the inner nodes of both, whichever is fewer. Around a hub that is the hub alone (one
 * statement) instead of its hundred kept neighbours (a hundred statements, ~150 ms at 1e6 relationships).
 */
import { traversableRelationships } from '@ringtrace/cypher/kuzu/index.js';
import { model } from '../../domain/model/index.js';
import type { ReadContext } from './reads.js';
import { refKey } from './reads.js';
import type { Row } from './session.js';

export interface KeptNode {
  readonly id: string;
  readonly kind: string;
  /** Engine id as `table:offset` (refKey). */
  readonly ref: string;
  readonly inner: boolean;
}

export interface FoundLink {
  readonly row: Row;
  readonly from: string;
  readonly to: string;
}

/** Up to this many nodes of a kind, their links are read one node at a time; beyond, by one join. */
const linkLookupsPerJoin = (tableRows: number) => Math.max(8, tableRows / 2_600);

/** The kept nodes whose links to kept nodes are read: a cover of every possible link with an inner end. */
export function nodesToRead(kept: readonly KeptNode[], types: readonly string[] | undefined): KeptNode[] {
  const byKind = new Map<string, KeptNode[]>();
  for (const n of kept) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n]);
  const pairs = new Map<string, [string, string]>();
  for (const rel of traversableRelationships(model, types))
    for (const [f, t] of rel.endpoints) pairs.set(f < t ? `${f}|${t}` : `${t}|${f}`, f < t ? [f, t] : [t, f]);
  const read = new Set<KeptNode>();
  const cost = (nodes: readonly KeptNode[]) => nodes.filter((n) => !read.has(n)).length;
  for (const [a, b] of pairs.values()) {
    const groupA = byKind.get(a) ?? [];
    const groupB = byKind.get(b) ?? [];
    const innerA = groupA.filter((n) => n.inner);
    const innerB = groupB.filter((n) => n.inner);
    let choice: readonly KeptNode[];
    if (a === b) choice = innerA;
    else {
      if (groupA.length === 0 || groupB.length === 0) continue;
      const options = [
        innerB.length > 0 ? groupA : innerA,
        innerA.length > 0 ? groupB : innerB,
        [...innerA, ...innerB],
      ];
      choice = options.reduce((best, o) => (cost(o) < cost(best) ? o : best));
    }
    for (const n of choice) read.add(n);
  }
  return kept.filter((n) => read.has(n));
}

/** The offset of an engine id `table:offset`. */
const offsetOf = (ref: string) => Number(ref.slice(ref.indexOf(':') + 1));

/** The links among the kept nodes with an inner end, by link id, oriented. */
export async function linksAmongKept(
  ctx: ReadContext,
  kept: readonly KeptNode[],
  types: readonly string[] | undefined,
): Promise<Map<string, FoundLink>> {
  const byRef = new Map(kept.map((n) => [n.ref, n]));
  const keptOffsets = [...new Set(kept.map((n) => offsetOf(n.ref)))];
  const byKind = new Map<string, string[]>();
  for (const n of nodesToRead(kept, types)) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n.id]);
  const batches = await Promise.all(
    [...byKind].map(async ([kind, ids]) => {
      const few = ids.length <= linkLookupsPerJoin(ctx.sizes.get(kind) ?? 0);
      const st = ctx.statements.expandLinks(kind, !few, types);
      if (!st) return [];
      if (!few) return ctx.session.read(st, { inner: ids, keptOffsets });
      return (await Promise.all(ids.map((id) => ctx.session.read(st, { id, keptOffsets })))).flat();
    }),
  );
  const innerIds = new Set(kept.filter((n) => n.inner).map((n) => n.id));
  const found = new Map<string, FoundLink>();
  for (const row of batches.flat()) {
    // The engine matched the offset only: the table decides.
    const b = byRef.get(refKey(row['bRef']))?.id;
    const a = String(row['a']);
    // A node read may lie at the edge (distance = depth): its links to other edge nodes are beyond the expansion.
    if (b === undefined || !(innerIds.has(a) || innerIds.has(b))) continue;
    found.set(String(row['id']), { row, from: row['out'] === true ? a : b, to: row['out'] === true ? b : a });
  }
  return found;
}
