/**
 * A case bundle (seed/README.md) read by the importer: one mapping per CSV file, derived from the file's
 * header and the model, so `ringtrace import <bundle> --mapping case-bundle` loads the same entities and
 * links as `ringtrace seed --bundle`. Differences, by design: a link row also asserts its ends (cited by
 * the row), and `source` cells (citations of documents the bundle declares) are not read: every fact
 * cites its own row.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { kindOf, relationshipOf } from '../../domain/model/index.js';
import { sha256Hex } from '../../domain/provenance.js';
import { listBundleFiles, type BundleFile } from '../case-bundle/bundle-files.js';
import { csvRecords } from '../case-bundle/csv-records.js';
import { readManifest } from '../case-bundle/manifest.js';
import { mappingFromObject, type LoadedMapping } from '../mapping/load-mapping.js';
import { MAPPING_FORMAT } from '../mapping/mapping-schema.js';

export interface BundleImport {
  readonly files: ReadonlyArray<{ readonly path: string; readonly name: string; readonly mapping: LoadedMapping }>;
  /** What the run records as its mapping: the bundle's name and a hash of every file's mapping. */
  readonly label: string;
}

async function header(path: string): Promise<string[]> {
  for await (const record of csvRecords(createReadStream(path))) return record.cells.map((c) => c.trim());
  return [];
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');

function entityMapping(file: BundleFile, columns: string[]) {
  const kind = kindOf(file.name);
  const properties = Object.fromEntries(columns.filter((c) => Object.hasOwn(kind.properties, c)).map((c) => [c, c]));
  const key = columns.includes('key') ? { key: 'key' } : {};
  return { entities: { e: { kind: kind.name, ...key, properties } }, links: [] };
}

function linkMapping(file: BundleFile, columns: string[]) {
  const rel = relationshipOf(file.name);
  const entities: Record<string, object> = {};
  const side = (s: 'from' | 'to', kind: string, kinds: string[]) => {
    const column = `${s}_kind`;
    const when = columns.includes(column) && kinds.length > 1 ? { when: { column, in: [kind] } } : {};
    const k = kindOf(kind);
    const key = k.key.from === 'natural' ? { properties: { [k.key.property]: s } } : { key: s };
    // A reference: the end is the entity files' (or the store's); a phone, wallet, country no entity file
    // lists is created from the first row naming it, as the case bundle loader does.
    entities[`${s}_${kind}`] = { kind, ...key, ...when, ref: true };
  };
  const fromKinds = [...new Set(rel.endpoints.map(([f]) => f))];
  const toKinds = [...new Set(rel.endpoints.map(([, t]) => t))];
  for (const k of fromKinds) side('from', k, fromKinds);
  for (const k of toKinds) side('to', k, toKinds);
  const properties = Object.fromEntries(columns.filter((c) => Object.hasOwn(rel.properties, c)).map((c) => [c, c]));
  const links = rel.endpoints.map(([f, t]) => ({ type: rel.name, from: `from_${f}`, to: `to_${t}`, properties }));
  return { entities, links };
}

export async function bundleImport(dir: string): Promise<BundleImport> {
  const manifest = await readManifest(dir);
  const context = {
    ...(manifest.context.defaultRegion !== undefined && { defaultRegion: manifest.context.defaultRegion }),
    ...(manifest.context.timeZone !== undefined && { timeZone: manifest.context.timeZone }),
  };
  const files = [];
  for (const file of await listBundleFiles(dir)) {
    const path = join(dir, file.path);
    const columns = await header(path);
    const shape = file.role === 'entities' ? entityMapping(file, columns) : linkMapping(file, columns);
    const mapping = mappingFromObject(
      {
        format: MAPPING_FORMAT,
        name: slug(`${manifest.name}-${file.path.replace('/', '-').replace(/\.csv$/i, '')}`),
        description: `${manifest.name}: ${file.path}`,
        basis: manifest.files[file.path]?.basis ?? manifest.basis,
        input: { format: 'csv', delimiter: ',' },
        context,
        ...shape,
      },
      `mapping of ${file.path}`,
      `bundle:${file.path}`,
    );
    files.push({ path, name: `${manifest.name}/${file.path}`, mapping });
  }
  const label = `case-bundle ${manifest.name} sha256:${sha256Hex(files.map((f) => f.mapping.sha256).join(','))}`;
  return { files, label };
}
