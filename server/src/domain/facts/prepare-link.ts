import { invalidArgument } from '../errors.js';
import type { LinkWrite, SourceRef } from '../graph.js';
import { linkId } from '../ids.js';
import { assertEndpointsAllowed, kindOfId } from '../model/index.js';
import { assertSourceRef } from '../provenance.js';
import { coerceProperties, type PrepareContext } from './coerce-value.js';
import type { Flag } from './flag.js';

export type { PrepareContext };

export interface RawLink {
  type: string;
  /** Entity id of the start, e.g. `phone:+74951234567`. */
  from: string;
  to: string;
  properties: Readonly<Record<string, unknown>>;
}

/**
 * prepareLink with the flags of values that were kept but did not normalise (a caller ID shown that
 * is not a phone number). The importer wants them for its reject report.
 */
export function prepareLinkWithFlags(
  raw: RawLink,
  source: SourceRef,
  context: PrepareContext = {},
): { write: LinkWrite; flags: Flag[] } {
  if (typeof raw.from !== 'string' || typeof raw.to !== 'string') {
    throw invalidArgument('link', `${raw.type} needs entity ids for from and to`);
  }
  const rel = assertEndpointsAllowed(raw.type, kindOfId(raw.from).name, kindOfId(raw.to).name);
  assertSourceRef(source);
  const { properties, flags } = coerceProperties(rel, raw.properties ?? {}, context);
  let id: string;
  if (rel.cardinality.kind === 'event') {
    // Coerced values (ISO UTC time, canonical decimal) key the event, so "1.50" and "1.5" are one payment.
    const { keyProperties: keys, optionalKeyProperties: optional = [] } = rel.cardinality;
    const keyValues = keys.map((p) => {
      const value = properties[p];
      if ((value === undefined || value === null) && optional.includes(p)) return '';
      if (value === undefined || value === null) {
        throw invalidArgument(p, `${rel.name} is an event and needs "${p}" (it is keyed by ${keys.join(', ')})`);
      }
      return Array.isArray(value) ? value.join(';') : String(value);
    });
    id = linkId(rel.name, raw.from, raw.to, keyValues);
  } else {
    id = linkId(rel.name, raw.from, raw.to);
  }
  return { write: { id, type: rel.name, from: raw.from, to: raw.to, properties, source }, flags };
}

/** A raw link checked against the model (type, endpoints, properties) with its stable id. */
export function prepareLink(raw: RawLink, source: SourceRef, context: PrepareContext = {}): LinkWrite {
  return prepareLinkWithFlags(raw, source, context).write;
}
