import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CsvWriter } from './csv-writer.js';
import { BUNDLE_FORMAT, type BundleManifest, type FileMeta } from './manifest.js';

export type ManifestInput = Omit<BundleManifest, 'format' | 'files'>;

/**
 * Writes a case bundle: CSV files under `entities/` and `links/`, then `bundle.json`. Files are opened
 * on first use and kept open, so several generators can stream into them side by side.
 */
export class BundleWriter {
  private readonly writers = new Map<string, CsvWriter>();
  private readonly meta: Record<string, FileMeta> = {};

  private constructor(
    readonly dir: string,
    private readonly manifest: ManifestInput,
  ) {}

  /** Starts an empty bundle in `dir` (any earlier `entities/`, `links/` and `bundle.json` are removed). */
  static async create(dir: string, manifest: ManifestInput): Promise<BundleWriter> {
    await mkdir(dir, { recursive: true });
    for (const old of ['entities', 'links', 'bundle.json']) await rm(join(dir, old), { recursive: true, force: true });
    return new BundleWriter(dir, manifest);
  }

  /** `entities/<Kind>[.<part>].csv`. */
  entities(kind: string, header: readonly string[], options: FileOptions = {}): Promise<CsvWriter> {
    return this.file(`entities/${kind}${options.part ? `.${options.part}` : ''}.csv`, header, options.meta);
  }

  /** `links/<TYPE>[.<part>].csv`. */
  links(type: string, header: readonly string[], options: FileOptions = {}): Promise<CsvWriter> {
    return this.file(`links/${type}${options.part ? `.${options.part}` : ''}.csv`, header, options.meta);
  }

  async drain(): Promise<void> {
    for (const w of this.writers.values()) await w.drain();
  }

  /** Closes every file and writes `bundle.json`. Returns the files written, relative to the bundle, sorted. */
  async close(): Promise<{ files: string[]; rows: number }> {
    let rows = 0;
    for (const w of this.writers.values()) {
      await w.close();
      rows += w.rows;
    }
    const files = Object.keys(this.meta).length > 0 ? { files: sortKeys(this.meta) } : {};
    const manifest: BundleManifest = { format: BUNDLE_FORMAT, ...this.manifest, ...files };
    await writeFile(join(this.dir, 'bundle.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return { files: ['bundle.json', ...[...this.writers.keys()].sort()], rows };
  }

  private async file(path: string, header: readonly string[], meta?: FileMeta): Promise<CsvWriter> {
    const open = this.writers.get(path);
    if (open) {
      if (open.header.join(',') !== header.join(',')) throw new Error(`${path} opened twice with different columns`);
      return open;
    }
    const writer = await CsvWriter.open(join(this.dir, path), header);
    this.writers.set(path, writer);
    if (meta) this.meta[path] = meta;
    return writer;
  }
}

export interface FileOptions {
  /** Second name part, for several files of one kind (`Person.report.csv`). */
  readonly part?: string;
  readonly meta?: FileMeta;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
