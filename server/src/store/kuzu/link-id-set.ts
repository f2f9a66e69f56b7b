/**
 * A set of link ids in 8 bytes an id: ids of the form `link:<TYPE>:<16 hex digits>` (what the domain
 * makes: domain/ids.ts) are kept as their 64 bits in an open-addressing table, one per type; any other
 * form in a plain Set. Exact either way. A bulk load remembers every link it staged (1e6 in 16 MiB
 * instead of about 70 as strings).
 */
const HEX_ID = /^link:([A-Za-z_][A-Za-z0-9_]*):([0-9a-f]{16})$/;

class Hash64Set {
  private slots = new Uint32Array(2 * 1024);
  private used = new Uint8Array(1024);
  size = 0;

  add(hi: number, lo: number): void {
    if (this.find(hi, lo) >= 0) return;
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    this.put(hi, lo);
  }

  has(hi: number, lo: number): boolean {
    return this.find(hi, lo) >= 0;
  }

  private put(hi: number, lo: number) {
    const mask = this.used.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.used[i]) i = (i + 1) & mask;
    this.used[i] = 1;
    this.slots[2 * i] = hi;
    this.slots[2 * i + 1] = lo;
    this.size++;
  }

  private find(hi: number, lo: number): number {
    const mask = this.used.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.used[i]) {
      if (this.slots[2 * i] === hi && this.slots[2 * i + 1] === lo) return i;
      i = (i + 1) & mask;
    }
    return -1;
  }

  private grow() {
    const { slots, used } = this;
    this.slots = new Uint32Array(slots.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.size = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.put(slots[2 * i]!, slots[2 * i + 1]!);
  }
}

export class LinkIdSet {
  private readonly byType = new Map<string, Hash64Set>();
  private readonly other = new Set<string>();

  add(id: string): void {
    const m = HEX_ID.exec(id);
    if (!m) {
      this.other.add(id);
      return;
    }
    let set = this.byType.get(m[1]!);
    if (!set) this.byType.set(m[1]!, (set = new Hash64Set()));
    set.add(parseInt(m[2]!.slice(0, 8), 16) >>> 0, parseInt(m[2]!.slice(8), 16) >>> 0);
  }

  has(id: string): boolean {
    const m = HEX_ID.exec(id);
    if (!m) return this.other.has(id);
    return (
      this.byType.get(m[1]!)?.has(parseInt(m[2]!.slice(0, 8), 16) >>> 0, parseInt(m[2]!.slice(8), 16) >>> 0) ?? false
    );
  }

  get size(): number {
    let n = this.other.size;
    for (const s of this.byType.values()) n += s.size;
    return n;
  }
}
