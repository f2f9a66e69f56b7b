/**
 * Pure geometry for what an expansion adds: each new node goes on a ring around the nodes it links to,
 * outside their current neighbours, at the first free slot; a node linking to nothing on the canvas goes
 * in a column right of the scene. A spatial hash of every placed point keeps each newcomer `gap` away
 * from what is there and from the newcomers before it, so the cost is linear in the nodes involved (no
 * force simulation: fcose over a few hundred fixed neighbours took seconds).
 */

export interface Point {
  x: number;
  y: number;
}

export interface RingRequest {
  readonly id: string;
  /** Positions of the placed nodes it links to (empty: it links to nothing placed). */
  readonly anchors: readonly Point[];
  /** Shared by the nodes with the same anchors: they fill one ring together. */
  readonly key: string;
  /** Distance from the anchors' centre to their farthest placed neighbour (0 when none). */
  readonly reach: number;
}

export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Grid of occupied points; a cell as wide as the gap, so a neighbour is at most one cell away. */
class Occupied {
  private readonly cells = new Map<string, Point[]>();
  constructor(private readonly gap: number) {}
  private key(cx: number, cy: number) {
    return `${cx},${cy}`;
  }
  add(p: Point): void {
    const k = this.key(Math.floor(p.x / this.gap), Math.floor(p.y / this.gap));
    const cell = this.cells.get(k);
    if (cell) cell.push(p);
    else this.cells.set(k, [p]);
  }
  free(p: Point): boolean {
    const cx = Math.floor(p.x / this.gap);
    const cy = Math.floor(p.y / this.gap);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const q of this.cells.get(this.key(cx + dx, cy + dy)) ?? [])
          if (Math.hypot(q.x - p.x, q.y - p.y) < this.gap) return false;
    return true;
  }
}

interface Ring {
  readonly centre: Point;
  radius: number;
  slot: number;
  slots: number;
  turn: number;
}

const mean = (ps: readonly Point[]): Point => ({
  x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
  y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
});

/**
 * Positions for `requests`, none within `gap` of `placed` or of each other. `box` is the placed scene's
 * bounding box (where the column of unlinked nodes starts).
 */
export function placeOnRings(
  requests: readonly RingRequest[],
  placed: readonly Point[],
  box: Box,
  gap = 60,
): Map<string, Point> {
  const occupied = new Occupied(gap);
  for (const p of placed) occupied.add(p);
  const rings = new Map<string, Ring>();
  const out = new Map<string, Point>();
  const spacing = gap * 1.15;
  let column = { x: box.x2 + 2 * gap, y: box.y1 };

  for (const r of requests) {
    let at: Point;
    if (r.anchors.length === 0) {
      // Down a column right of the scene, then the next column.
      do {
        at = { ...column };
        column = column.y > box.y2 ? { x: column.x + spacing, y: box.y1 } : { x: column.x, y: column.y + spacing };
      } while (!occupied.free(at));
    } else {
      let ring = rings.get(r.key);
      if (!ring) {
        const radius = Math.max(1.5 * gap, r.reach + gap);
        // A ring turned per key, so two groups around one anchor do not start at the same angle.
        ring = { centre: mean(r.anchors), radius, slot: 0, slots: slotsOn(radius, spacing), turn: rings.size * 0.7 };
        rings.set(r.key, ring);
      }
      for (;;) {
        if (ring.slot >= ring.slots) {
          ring.radius += spacing;
          ring.slot = 0;
          ring.slots = slotsOn(ring.radius, spacing);
        }
        const angle = ring.turn + (2 * Math.PI * ring.slot++) / ring.slots;
        const p = {
          x: ring.centre.x + ring.radius * Math.cos(angle),
          y: ring.centre.y + ring.radius * Math.sin(angle),
        };
        if (occupied.free(p)) {
          at = p;
          break;
        }
      }
    }
    occupied.add(at);
    out.set(r.id, at);
  }
  return out;
}

function slotsOn(radius: number, spacing: number): number {
  return Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
}
