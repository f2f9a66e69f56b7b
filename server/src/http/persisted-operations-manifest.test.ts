/**
 * The manifest: fresh (it is what the web's sources give now), and extracted exactly as JavaScript
 * evaluates the documents (placeholders, fragments, refusals of what it cannot evaluate).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  buildManifest,
  evaluateDocuments,
  manifestText,
  MANIFEST_PATH,
  readWebApiSources,
  sha256Hex,
} from './persisted-operations-manifest.js';

describe('persisted-operations.json', () => {
  it('is what the web app sends now (else: pnpm --filter @ringtrace/server codegen)', async () => {
    const fresh = await manifestText(buildManifest(await readWebApiSources()));
    expect(await readFile(MANIFEST_PATH, 'utf8'), 'stale: run pnpm --filter @ringtrace/server codegen').toBe(fresh);
  });

  it("holds the web app's operations, each under the SHA-256 of its text", async () => {
    const { operations } = buildManifest(await readWebApiSources());
    const names = operations.map((o) => o.name);
    for (const name of ['Search', 'Neighbourhood', 'Paths', 'RunCypher', 'RunSavedQuery', 'Model']) {
      expect(names).toContain(name);
    }
    for (const o of operations) expect(o.id).toBe(sha256Hex(o.body));
  });
});

describe('extraction', () => {
  const FILE_A = {
    name: 'a.ts',
    text: [
      "import { F } from './b.js';",
      'const Q = /* GraphQL */ `',
      '  query Q {',
      '    x { ...F }',
      '  }',
      '  ${F}',
      '`;',
    ].join('\r\n'),
  };
  const FILE_B = { name: 'b.ts', text: 'export const F = /* GraphQL */ `\n  fragment F on X { y }\n`;\n' };

  it('evaluates templates as JavaScript does: placeholders from other files, CRLF read as LF', () => {
    const documents = evaluateDocuments([FILE_A, FILE_B]);
    // What `Q` is at run time: the template's text with F's text in place of ${F}.
    const F = '\n  fragment F on X { y }\n';
    expect(documents.get('Q')).toBe(`\n  query Q {\n    x { ...F }\n  }\n  ${F}\n`);
  });

  it('keeps operations and leaves fragment-only constants out', () => {
    const { operations } = buildManifest([FILE_A, FILE_B]);
    expect(operations.map((o) => o.name)).toEqual(['Q']);
  });

  it('refuses what it cannot evaluate exactly', () => {
    const bad = (text: string) => () => evaluateDocuments([{ name: 'x.ts', text }]);
    expect(bad('const Q = /* GraphQL */ `query Q { x(a: ${1 + 1}) }`;')).toThrow(/only constants/);
    expect(bad('const Q = /* GraphQL */ `query Q { ${MISSING} }`;')).toThrow(/no \/\* GraphQL \*\/ constant/);
    expect(bad('const Q = /* GraphQL */ `query Q { x(a: "\\n") }`;')).toThrow(/backslash/);
    expect(bad('let Q = /* GraphQL */ `query Q { x }`;')).toThrow(/not of the form/);
  });
});
