/**
 * A YAML file whose top level is a sequence of mappings (EtherScamDB's `scams.yaml`), streamed item by
 * item: an item starts at a line beginning with `-` in the first column and runs to the next one, and
 * each item is parsed on its own, so memory holds one item. Anchors and aliases across items are not
 * supported (each item must stand alone). A malformed item rejects that item only.
 */
import { parse } from 'yaml';
import { InputError } from './input-error.js';
import type { InputRecord } from './input-record.js';
import type { TextLine } from './text-lines.js';

const ITEM_START = /^-(\s|$)/;
const IGNORABLE = /^(\s*(#.*)?|---\s*|%.*)$/;

function parsed(start: number, text: string): InputRecord {
  let value: unknown;
  try {
    value = parse(text, { prettyErrors: false }) as unknown;
  } catch (e) {
    const at = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    return {
      line: start + (at === undefined ? 0 : at - 1),
      problem: `not YAML: ${(e as Error).message.split('\n')[0]}`,
    };
  }
  const item = Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : undefined;
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return { line: start, problem: 'the item is not a mapping of fields (key: value)' };
  }
  return { line: start, row: item as Record<string, unknown> };
}

export async function* yamlSeqInput(
  lines: AsyncIterable<TextLine>,
  maxLength: number,
  name: string,
): AsyncGenerator<InputRecord> {
  let start = 0;
  let parts: string[] = [];
  let size = 0;
  for await (const { line, text } of lines) {
    const body = line === 1 ? text.replace(/^\ufeff/, '') : text;
    if (ITEM_START.test(body)) {
      if (start > 0) yield parsed(start, parts.join('\n'));
      start = line;
      parts = [body];
      size = body.length;
      continue;
    }
    if (start === 0) {
      if (IGNORABLE.test(body)) continue;
      throw new InputError(name, line, 'not a YAML sequence (items must start with "-" in the first column)');
    }
    size += body.length + 1;
    if (size > maxLength) {
      throw new InputError(
        name,
        start,
        `item longer than ${maxLength.toLocaleString('en-US')} characters (input.maxLineLength)`,
      );
    }
    parts.push(body);
  }
  if (start > 0) yield parsed(start, parts.join('\n'));
}
