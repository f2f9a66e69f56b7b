/**
 * Input for the import benchmark: a call-detail export in the built-in `cdr` layout (`;`, Moscow time,
 * national numbers), N rows, deterministic; and the same rows staged for a raw COPY (node and rel CSVs in
 * table order, facts de-duplicated, ids and values exactly as the importer computes them with the mapping).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { encodeFtsText } from '@ringtrace/cypher/kuzu/index.js';
import { builtinMapping } from '@ringtrace/server/ingest/import/index.js';
import { model } from '@ringtrace/server/domain/model/index.js';

export const CDR_HEADER = 'call_id;start_time;duration_s;calling_number;called_number;presented_number;cell_id';

const two = (n: number) => String(n).padStart(2, '0');

/** Row i: one of ~N/100 lines (hubs: a few lines make most calls) calling one of ~N/4 victims. */
export function cdrRow(i: number, n: number): string {
  const x = Math.imul(i + 1, 2654435761) >>> 0;
  const line = Math.floor(((x % 1000) / 1000) ** 2 * Math.max(10, n / 100));
  const victim = (x >>> 10) % Math.max(10, Math.floor(n / 4));
  const day = 1 + (i % 28);
  const sec = i % 86400;
  return [
    i,
    `${two(day)}.02.2025 ${two(Math.floor(sec / 3600))}:${two(Math.floor(sec / 60) % 60)}:${two(sec % 60)}`,
    10 + (x % 900),
    `8 495 55${String(line).padStart(5, '0').slice(0, 1)}-${String(line).padStart(5, '0').slice(1, 3)}-${String(line).padStart(5, '0').slice(3, 5)}`,
    `+49 170 ${String(victim).padStart(7, '0')}`,
    i % 10 === 0 ? '+7 495 606-33-33' : '',
    `MSK-${x % 100}`,
  ].join(';');
}

async function put(out: WriteStream, text: string) {
  if (!out.write(text)) await once(out, 'drain');
}

async function close(out: WriteStream) {
  out.end();
  await once(out, 'finish');
}

const csvCell = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  const s = Array.isArray(v) ? `[${v.join(',')}]` : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Kuzu's CSV form of a timestamp (no T, no Z: it is read as UTC). */
const timestamp = (iso: unknown) => (typeof iso === 'string' ? iso.replace('T', ' ').replace('Z', '') : iso);

export interface BenchInput {
  readonly file: string;
  readonly bytes: number;
  /** Raw COPY statements' files: `table` -> CSV path, nodes first. */
  readonly staged: ReadonlyArray<{
    readonly table: string;
    readonly path: string;
    readonly rows: number;
    readonly rel: boolean;
  }>;
}

export async function writeBenchInput(dir: string, n: number): Promise<BenchInput> {
  const file = join(dir, `cdr-${n}.csv`);
  const mapping = await builtinMapping('cdr');
  const out = createWriteStream(file);
  const kinds = new Map(model.kinds.map((k) => [k.name, k]));
  const tables = new Map<string, { out: WriteStream; rows: number; rel: boolean; path: string }>();
  const table = (name: string, rel: boolean) => {
    let t = tables.get(name);
    if (!t) {
      const path = join(dir, `raw-${n}-${name}.csv`);
      t = { out: createWriteStream(path), rows: 0, rel, path };
      tables.set(name, t);
    }
    return t;
  };
  const seen = new Set<string>();
  let bytes = 0;
  const source = { sha256: 'f'.repeat(64), locator: 'line:1' };
  await put(out, `${CDR_HEADER}\n`);
  for (let i = 0; i < n; i++) {
    const row = cdrRow(i, n);
    bytes += row.length + 1;
    await put(out, `${row}\n`);
    const cells = row.split(';');
    const values = Object.fromEntries(CDR_HEADER.split(';').map((h, j) => [h, cells[j]]));
    const facts = mapping.mapRow(values, { ...source, locator: `line:${i + 2}` });
    for (const e of facts.entities) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      const kind = kinds.get(e.kind)!;
      const src = `${e.source.sha256}#${e.source.locator}`;
      const cellsOut = [
        e.id,
        e.caption,
        encodeFtsText(e.searchText),
        [src],
        ...Object.keys(kind.properties).map((p) => e.properties[p]),
      ];
      const t = table(e.kind, false);
      t.rows++;
      await put(t.out, `${cellsOut.map(csvCell).join(',')}\n`);
    }
    for (const { write: l } of facts.links) {
      const rel = model.relationships.find((r) => r.name === l.type)!;
      const src = `${l.source.sha256}#${l.source.locator}`;
      const props = Object.entries(rel.properties).map(([p, def]) =>
        def.type === 'datetime' ? timestamp(l.properties[p]) : l.properties[p],
      );
      const t = table(l.type, true);
      t.rows++;
      await put(t.out, `${[l.from, l.to, l.id, src, ...props].map(csvCell).join(',')}\n`);
    }
  }
  await close(out);
  for (const t of tables.values()) await close(t.out);
  const staged = [...tables.entries()]
    .map(([name, t]) => ({ table: name, path: t.path, rows: t.rows, rel: t.rel }))
    .sort((a, b) => Number(a.rel) - Number(b.rel));
  return { file, bytes, staged };
}
