/**
 * JSON Lines: one JSON object per line, blank lines skipped. A line that is not JSON, or not an object,
 * rejects that record only: lines are independent, so the file goes on.
 */
import type { InputRecord } from './input-record.js';
import type { TextLine } from './text-lines.js';

export async function* jsonlInput(lines: AsyncIterable<TextLine>): AsyncGenerator<InputRecord> {
  for await (const { line, text } of lines) {
    const trimmed = line === 1 ? text.replace(/^\ufeff/, '').trim() : text.trim();
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      yield { line, problem: `not JSON: ${(e as Error).message}` };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, problem: `not a JSON object (got ${Array.isArray(value) ? 'a list' : JSON.stringify(value)})` };
      continue;
    }
    yield { line, row: value as Record<string, unknown> };
  }
}
