/**
 * Removal must not silently destroy evidence. A source is evidence unless its file is a hand edit (basis
 * `manual`): seized, reported and synthetic files are, and so is a source whose SourceFile entity is
 * missing (its basis cannot be told, so it is treated as the stronger kind). Removing a fact any evidence
 * asserts is refused with CONFLICT naming the files and rows, unless the caller passes `force: true`;
 * then the removal's own record lists the files it overrode.
 */
import type { SourceRef } from '../graph.js';
import { conflict } from './edit-arguments.js';
import type { GraphEditor } from './edit-store.js';

export interface EvidenceSource {
  readonly ref: SourceRef;
  /** The file's name, or the first 12 hex digits of its hash when its SourceFile entity is missing. */
  readonly fileName: string;
  /** seized, reported, synthetic, or unknown (no SourceFile entity). */
  readonly basis: string;
}

/** Sources named in a CONFLICT message; the rest are counted. */
const MAX_NAMED = 5;

const refKey = (ref: SourceRef) => `${ref.sha256}#${ref.locator}`;

/** The sources among these (each once) that are evidence, in the order given. */
export async function evidenceAmong(store: GraphEditor, sources: readonly SourceRef[]): Promise<EvidenceSource[]> {
  const unique = [...new Map(sources.map((s) => [refKey(s), s])).values()];
  const files = new Map(
    (await store.getEntities([...new Set(unique.map((s) => `source:${s.sha256}`))])).map((e) => [e.id, e.properties]),
  );
  return unique.flatMap((ref) => {
    const file = files.get(`source:${ref.sha256}`);
    const basis = typeof file?.['basis'] === 'string' ? file['basis'] : 'unknown';
    if (basis === 'manual') return [];
    const name = typeof file?.['name'] === 'string' ? file['name'] : ref.sha256.slice(0, 12);
    return [{ ref, fileName: name, basis }];
  });
}

/** `cdr.csv (seized) line:17, report.txt (reported) para:3 and 4 more`. */
export function describeEvidence(evidence: readonly EvidenceSource[]): string {
  const named = evidence.slice(0, MAX_NAMED).map((e) => `${e.fileName} (${e.basis}) ${e.ref.locator}`);
  const more = evidence.length - named.length;
  return `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

export function refusedOverEvidence(id: string, what: string, evidence: readonly EvidenceSource[]) {
  return conflict(
    `${id} is asserted by evidence${what}: ${describeEvidence(evidence)}; pass force: true to remove it anyway`,
    { id, sources: evidence.map((e) => refKey(e.ref)) },
  );
}
