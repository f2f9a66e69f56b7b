/** What the edit services answer: the fact as stored after the edit, and the edit's own record. */
import type { Flag } from '../facts/flag.js';
import type { Entity, Link, SourceRef } from '../graph.js';

export interface EntityEdit {
  /** The entity as stored after the edit, every source included. */
  readonly entity: Entity;
  /** False when the values given were already stored: nothing was written and no record added. */
  readonly changed: boolean;
  /** The edit's record (`<sha256>#edit:1`), null when nothing changed. */
  readonly source: SourceRef | null;
  /** Values kept as given that did not normalise (a phone number that is not one, an unknown country). */
  readonly flags: readonly Flag[];
}

export interface LinkEdit {
  readonly link: Link;
  readonly changed: boolean;
  readonly source: SourceRef | null;
  readonly flags: readonly Flag[];
}

export interface Removal {
  /** The id removed. */
  readonly id: string;
  /** Entities removed: 1 for removeEntity, 0 for removeLink. */
  readonly entities: number;
  /** Links removed: the link itself, or every link of the entity. */
  readonly links: number;
  /** Evidence (seized, reported, synthetic or unknown files) that asserted what was removed: only with force. */
  readonly overridden: readonly SourceRef[];
  /** The removal's record: who removed what, when, and over which evidence. */
  readonly source: SourceRef;
}
