/**
 * For redaction tests: every personal value of the demo case (seed/demo), read from the bundle's entity
 * files by the model's `personal` flags, so a test can assert that none appears in a viewer's response.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DIR } from '@ringtrace/seed';
import { parse } from 'csv-parse/sync';
import { personalProperties } from '../domain/access/redact.js';
import { model } from '../domain/model/index.js';

/** The distinct personal values of the demo case (names, e-mails...), each as written in its file. */
export function demoPersonalValues(): string[] {
  const values = new Set<string>();
  const dir = join(DEMO_DIR, 'entities');
  for (const file of readdirSync(dir)) {
    const kind = model.kinds.find((k) => file === `${k.name}.csv` || file.startsWith(`${k.name}.`));
    const personal = kind ? personalProperties(kind.name) : [];
    if (personal.length === 0) continue;
    const rows = parse(readFileSync(join(dir, file), 'utf8'), { columns: true }) as Record<string, string>[];
    for (const row of rows) for (const name of personal) if (row[name]) values.add(row[name]);
  }
  return [...values];
}

/** The first value of `text` that is one of `values` (case-insensitive), or undefined. */
export function findLeak(text: string, values: readonly string[]): string | undefined {
  const folded = text.toLowerCase();
  return values.find((v) => folded.includes(v.toLowerCase()));
}
