/**
 * `bundle.json`, the manifest of a case bundle (see seed/README.md). The server's loader validates it;
 * this type is what the seed package writes.
 */
export const BUNDLE_FORMAT = 'ringtrace-case-bundle/1';

export type Basis = 'seized' | 'reported' | 'synthetic' | 'manual';

/** A document the bundle cites but does not contain, e.g. a press report. */
export interface DeclaredSource {
  /** Short key used in `source` cells: `<key>#<locator>`. */
  readonly key: string;
  readonly name: string;
  readonly title?: string;
  readonly url?: string;
  /** SHA-256 (hex) of the document's bytes. */
  readonly sha256: string;
  readonly basis: Basis;
}

export interface FileMeta {
  readonly basis?: Basis;
  readonly title?: string;
}

export interface BundleManifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly name: string;
  readonly description: string;
  /** Basis of the bundle's own CSV files unless `files` says otherwise. */
  readonly basis: Basis;
  /** How raw values are read: national phone numbers, local times without an offset. */
  readonly context?: { readonly defaultRegion?: string; readonly timeZone?: string };
  readonly sources?: readonly DeclaredSource[];
  /** Per-file overrides, keyed by path inside the bundle (`entities/Person.report.csv`). */
  readonly files?: Readonly<Record<string, FileMeta>>;
}
