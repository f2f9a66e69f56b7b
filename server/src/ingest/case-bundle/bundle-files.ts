import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface BundleFile {
  /** Path inside the bundle, with `/` (`entities/Person.report.csv`). */
  readonly path: string;
  readonly role: 'entities' | 'links';
  /** The kind (entities) or relationship type (links): the file name up to its first dot. */
  readonly name: string;
}

/**
 * The CSV files of a bundle in load order: every entity file before any link file (a link needs its
 * ends), each group sorted by path so a load is repeatable. Other files are ignored.
 */
export async function listBundleFiles(dir: string): Promise<BundleFile[]> {
  const files: BundleFile[] = [];
  for (const role of ['entities', 'links'] as const) {
    let names: string[];
    try {
      names = (await readdir(join(dir, role), { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.toLowerCase().endsWith('.csv')).sort(byCodeUnit)) {
      files.push({ path: `${role}/${name}`, role, name: name.slice(0, name.indexOf('.')) });
    }
  }
  return files;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
