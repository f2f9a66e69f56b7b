/**
 * The saved-query file format, split into its parts with line numbers (validation is in validate.ts):
 *
 *   // name: money-trail                          the file is cypher/queries/<name>.cypher
 *   // title: Money trail from a victim
 *   // description: One line or several; `description:` lines are joined.
 *   // engines: neo4j, embedded
 *   // returns: both                              graph, table or both
 *   // param victim: id<Victim> = victim:v-0002 -- whose payments to follow
 *   // param maxHops: int (1..6) = 3 -- most transfers after the payment
 *   // param to: date? -- optional: null when not given
 *   // project: all                               embedded only: the graph the algo extension runs on
 *
 *   MATCH ...                                     one body for every engine, or one per dialect:
 *   // dialect: neo4j
 *   MATCH ...
 *   // dialect: embedded
 *   MATCH ...
 */

export interface RawField {
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

export interface RawBody {
  /** The dialect marker's value, or null for a body shared by every engine. */
  readonly dialect: string | null;
  readonly text: string;
  /** Line of the body's first line in the file. */
  readonly line: number;
}

export interface RawQueryFile {
  readonly fields: readonly RawField[];
  readonly bodies: readonly RawBody[];
  /** Lines that are neither a field, a blank comment nor a body (reported by validation). */
  readonly strays: readonly { readonly text: string; readonly line: number }[];
}

const FIELD = /^([A-Za-z]+)(?:\s+|:)/;
const DIALECT = /^\s*\/\/\s*dialect\s*:\s*(\S*)\s*$/;

/** Splits a file into header fields and bodies. Never throws: malformed parts are left to validation. */
export function splitQueryFile(text: string): RawQueryFile {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fields: RawField[] = [];
  const strays: { text: string; line: number }[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    // The header is the first block of comment lines: a blank line after it starts the body.
    if (line.trim() === '') {
      if (fields.length > 0 || strays.length > 0) break;
      continue;
    }
    if (DIALECT.test(line) || !line.trimStart().startsWith('//')) break;
    const content = line.trimStart().slice(2).trim();
    if (content === '') continue;
    const m = FIELD.exec(content);
    if (!m) {
      strays.push({ text: content, line: i + 1 });
      continue;
    }
    // `param x: t` keeps `x: t` as its value; `title: T` keeps `T`.
    const key = m[1]!;
    const rest = content.slice(key.length).trim();
    const value = key === 'param' ? rest : rest.replace(/^:\s*/, '');
    fields.push({ key, value, line: i + 1 });
  }

  const bodies: RawBody[] = [];
  let current: { dialect: string | null; start: number; lines: string[] } = { dialect: null, start: i + 1, lines: [] };
  const flush = () => {
    const text = current.lines.join('\n').trim();
    if (text !== '' || current.dialect !== null) {
      const offset = current.lines.findIndex((l) => l.trim() !== '');
      bodies.push({ dialect: current.dialect, text, line: current.start + Math.max(0, offset) });
    }
  };
  for (; i < lines.length; i++) {
    const marker = DIALECT.exec(lines[i]!);
    if (marker) {
      flush();
      current = { dialect: marker[1]!, start: i + 2, lines: [] };
    } else {
      current.lines.push(lines[i]!);
    }
  }
  flush();
  return { fields, bodies, strays };
}

export interface RawParam {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly range: string | undefined;
  readonly defaultText: string | undefined;
  readonly description: string;
}

/** `name: type[?] [(min..max)] [= default] [-- description]`, or null when the shape is wrong. */
export function splitParam(value: string): RawParam | null {
  const dash = value.indexOf(' -- ');
  const head = (dash === -1 ? value : value.slice(0, dash)).trim();
  const description = dash === -1 ? '' : value.slice(dash + 4).trim();
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([^=(?]+?)\s*(\?)?\s*(?:\(([^)]*)\))?\s*(?:=\s*(.*))?$/.exec(head);
  if (!m) return null;
  return {
    name: m[1]!,
    type: m[2]!.trim(),
    optional: m[3] === '?',
    range: m[4],
    defaultText: m[5]?.trim(),
    description,
  };
}
