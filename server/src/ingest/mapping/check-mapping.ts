/**
 * A mapping checked against the model and the runtime before any file is read: every kind, type,
 * property, alias, zone, region, encoding, pattern and date format it names must exist, so a typo stops
 * the import at once with every problem listed, instead of rejecting every row.
 */
import { isSupportedCountry } from 'libphonenumber-js/max';
import { isDomainError } from '../../domain/errors.js';
import { assertEndpointsAllowed, kindOf, relationshipOf, type KindDef } from '../../domain/model/index.js';
import { compileDateFormat, fixedOffset, isIanaZone } from './date-format.js';
import { valueObjectOf, type Mapping, type ValueSpec } from './mapping-schema.js';

/** An error's words, without the `<argument>: ` a domain refusal starts with (the path names it already). */
const message = (e: unknown) => {
  if (!(e instanceof Error)) return String(e);
  const argument = isDomainError(e) ? e.details['argument'] : undefined;
  return typeof argument === 'string' && e.message.startsWith(`${argument}: `)
    ? e.message.slice(argument.length + 2)
    : e.message;
};

function zoneProblem(zone: string | undefined): string | undefined {
  if (zone === undefined || fixedOffset(zone) !== undefined || isIanaZone(zone)) return undefined;
  return `"${zone}" is not UTC, a fixed offset like +03:00 or an IANA zone like Europe/Moscow`;
}

/** Problems of one value spec: its pattern, date format, zone; `item` outside an `each` entity. */
function valueProblems(path: string, spec: ValueSpec, inEach: boolean): string[] {
  const o = valueObjectOf(spec);
  const out: string[] = [];
  if (o.item && !inEach) out.push(`${path}: "item" reads the current element of "each", and this entity has none`);
  if (o.pattern !== undefined) {
    try {
      new RegExp(o.pattern);
    } catch (e) {
      out.push(`${path}.pattern: ${message(e)}`);
    }
  }
  if (o.format !== undefined) {
    try {
      compileDateFormat(o.format);
    } catch (e) {
      out.push(`${path}.format: ${message(e)}`);
    }
  }
  const zone = zoneProblem(o.timeZone);
  if (zone) out.push(`${path}.timeZone: ${zone}`);
  return out;
}

function entityProblems(mapping: Mapping): { problems: string[]; kinds: Map<string, KindDef> } {
  const problems: string[] = [];
  const kinds = new Map<string, KindDef>();
  for (const [alias, e] of Object.entries(mapping.entities)) {
    const at = `entities.${alias}`;
    let kind: KindDef;
    try {
      kind = kindOf(e.kind);
    } catch (err) {
      problems.push(`${at}.kind: ${message(err)}`);
      continue;
    }
    if (kind.system) {
      problems.push(`${at}.kind: ${kind.name} is a system kind: the importer records source files itself`);
      continue;
    }
    kinds.set(alias, kind);
    const inEach = e.each !== undefined;
    const keyProperty = kind.key.from === 'natural' ? kind.key.property : undefined;
    if (e.ref && Object.keys(e.properties).some((p) => p !== keyProperty)) {
      problems.push(
        `${at}.properties: a reference (ref: true) is not written, so it takes no properties besides its key`,
      );
    }
    for (const [name, spec] of Object.entries(e.properties)) {
      if (!Object.hasOwn(kind.properties, name)) {
        const known = Object.keys(kind.properties).join(', ');
        problems.push(`${at}.properties.${name}: ${kind.name} has no property "${name}" (known: ${known})`);
      }
      problems.push(...valueProblems(`${at}.properties.${name}`, spec, inEach));
    }
    if (kind.key.from === 'given' && e.key === undefined) {
      problems.push(`${at}.key: ${kind.name} is keyed by a given key (a staff number, a slug): map "key"`);
    }
    if (kind.key.from === 'natural' && e.key === undefined && e.properties[kind.key.property] === undefined) {
      problems.push(`${at}.key: ${kind.name} is keyed by "${kind.key.property}": map "key" or that property`);
    }
    for (const [name, spec] of [
      ['key', e.key],
      ['region', e.region],
      ['each', e.each],
    ] as const) {
      if (spec !== undefined) problems.push(...valueProblems(`${at}.${name}`, spec, inEach && name !== 'each'));
    }
    const region = e.region === undefined ? undefined : valueObjectOf(e.region).value;
    if (typeof region === 'string' && !isSupportedCountry(region.toUpperCase())) {
      problems.push(`${at}.region: "${region}" is not a region of the phone numbering plans`);
    }
  }
  return { problems, kinds };
}

function linkProblems(mapping: Mapping, kinds: Map<string, KindDef>): string[] {
  const problems: string[] = [];
  mapping.links.forEach((l, i) => {
    const at = `links[${i}]`;
    let rel;
    try {
      rel = relationshipOf(l.type);
    } catch (err) {
      problems.push(`${at}.type: ${message(err)}`);
      return;
    }
    for (const side of ['from', 'to'] as const) {
      if (!Object.hasOwn(mapping.entities, l[side])) {
        const known = Object.keys(mapping.entities).join(', ');
        problems.push(`${at}.${side}: no entity "${l[side]}" in this mapping (entities: ${known})`);
      }
    }
    const from = kinds.get(l.from);
    const to = kinds.get(l.to);
    if (from && to) {
      try {
        assertEndpointsAllowed(rel.name, from.name, to.name);
      } catch (err) {
        problems.push(`${at}: ${message(err)}`);
      }
    }
    if (mapping.entities[l.from]?.each !== undefined && mapping.entities[l.to]?.each !== undefined) {
      problems.push(`${at}: both ends are "each" lists; a link may fan out on one end only`);
    }
    for (const [name, spec] of Object.entries(l.properties)) {
      if (!Object.hasOwn(rel.properties, name)) {
        const known = Object.keys(rel.properties).join(', ') || 'none';
        problems.push(`${at}.properties.${name}: ${rel.name} has no property "${name}" (known: ${known})`);
      }
      problems.push(...valueProblems(`${at}.properties.${name}`, spec, false));
    }
    if (rel.cardinality.kind === 'event') {
      const optional = rel.cardinality.optionalKeyProperties ?? [];
      for (const key of rel.cardinality.keyProperties) {
        if (!optional.includes(key) && l.properties[key] === undefined) {
          const keys = rel.cardinality.keyProperties.join(', ');
          problems.push(`${at}.properties.${key}: ${rel.name} is an event keyed by ${keys}: map "${key}"`);
        }
      }
    }
  });
  return problems;
}

function contextProblems(mapping: Mapping): string[] {
  const problems: string[] = [];
  const { defaultRegion, timeZone, dateFormat, dateTimeFormat } = mapping.context;
  if (defaultRegion !== undefined && !isSupportedCountry(defaultRegion.toUpperCase())) {
    problems.push(`context.defaultRegion: "${defaultRegion}" is not a region of the phone numbering plans`);
  }
  const zone = zoneProblem(timeZone);
  if (zone) problems.push(`context.timeZone: ${zone}`);
  for (const [name, format] of [
    ['dateFormat', dateFormat],
    ['dateTimeFormat', dateTimeFormat],
  ] as const) {
    if (format === undefined) continue;
    try {
      compileDateFormat(format);
    } catch (e) {
      problems.push(`context.${name}: ${message(e)}`);
    }
  }
  const input = mapping.input;
  try {
    new TextDecoder(input.encoding);
  } catch {
    problems.push(`input.encoding: "${input.encoding}" is not an encoding this Node knows (utf-8, windows-1251...)`);
  }
  if (!input.header && !input.columns) problems.push('input.columns: without a header row, name the columns');
  if (input.header && input.columns) problems.push('input.columns: only for files without a header (header: false)');
  return problems;
}

/** Every problem of a mapping against the model, each as `<path>: <what is wrong>`; empty when it is sound. */
export function mappingProblems(mapping: Mapping): { problems: string[]; kinds: Map<string, KindDef> } {
  const { problems, kinds } = entityProblems(mapping);
  try {
    problems.push(...linkProblems(mapping, kinds), ...contextProblems(mapping));
  } catch (e) {
    if (!isDomainError(e)) throw e;
    problems.push(e.message);
  }
  return { problems, kinds };
}
