import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { prepareEntity } from '../../domain/facts/prepare-entity.js';
import type { EntityWrite } from '../../domain/graph.js';
import type { GraphStore } from '../../store/port.js';
import type { Basis } from './manifest.js';

/** SHA-256 of a file's bytes, streamed (a seized export can be gigabytes). */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface SourceFileFacts {
  readonly sha256: string;
  readonly name: string;
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  readonly basis: Basis;
}

export interface LoadStamp {
  readonly loadedAt: string;
  readonly loadedBy: string;
  readonly importRun: string;
}

/** Locator of a SourceFile entity's own provenance: the file as a whole asserts that it was loaded. */
const WHOLE_FILE = 'file';

/**
 * The SourceFile entities of files about to be cited. A file the store already has keeps the load
 * stamp (loadedAt/By, importRun) of its first load, so loading the same bundle again changes nothing.
 */
export async function sourceFileWrites(
  store: GraphStore,
  files: readonly SourceFileFacts[],
  stamp: LoadStamp,
): Promise<EntityWrite[]> {
  const ids = files.map((f) => `source:${f.sha256}`);
  const stored = new Set((await store.getEntities(ids)).map((e) => e.id));
  return files.map((f, i) => {
    const properties = {
      sha256: f.sha256,
      name: f.name,
      ...(f.title !== undefined && { title: f.title }),
      ...(f.url !== undefined && { url: f.url }),
      basis: f.basis,
      ...(!stored.has(ids[i]!) && stamp),
    };
    return prepareEntity({ kind: 'SourceFile', properties }, { sha256: f.sha256, locator: WHOLE_FILE }).write;
  });
}
