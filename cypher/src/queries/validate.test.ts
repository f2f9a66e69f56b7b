import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// The model is data owned by the server; a cypher test may read it (a test-time binding, as in the lint test).
import { model } from '../../../server/src/domain/model/index.js';
import { loadQueryLibrary, QueryLibraryError } from './library.js';
import { validateQueryFile } from './validate.js';

const HEADER = [
  '// name: sample',
  '// title: A sample',
  '// description: Used by the tests.',
  '// engines: neo4j, embedded',
  '// returns: table',
  '// param victim: id<Victim> = victim:v-0001 -- the victim',
  '// param hops: int (1..4) = 2 -- hops',
  '',
];
const BODY = 'MATCH (v:Victim {id: $victim})-[:PAID*1..4]->(w:Wallet)\nWHERE $hops > 0\nRETURN w.id AS wallet';

const problems = (text: string, file = 'sample.cypher') => {
  const result = validateQueryFile(text, file, model);
  return result.problems.map((p) => `${p.line}: ${p.message}`);
};

describe('the saved-query format', () => {
  it('reads a header, its typed parameters and one body shared by both engines', () => {
    const result = validateQueryFile([...HEADER, BODY].join('\n'), 'sample.cypher', model);
    expect(result.problems).toEqual([]);
    const q = result.query!;
    expect(q).toMatchObject({ name: 'sample', title: 'A sample', engines: ['neo4j', 'embedded'], returns: 'table' });
    expect(q.params).toMatchObject([
      { name: 'victim', type: { name: 'id', kinds: ['Victim'] }, default: 'victim:v-0001', line: 6 },
      { name: 'hops', type: { name: 'int' }, default: 2, min: 1, max: 4, line: 7 },
    ]);
    expect(q.variants.neo4j).toEqual({ text: BODY, line: 9 });
    expect(q.variants.embedded).toEqual(q.variants.neo4j);
  });

  it('reads one variant per dialect with the line each starts on', () => {
    const text = [...HEADER, '// dialect: neo4j', BODY, '', '// dialect: embedded', BODY.replace('w.id', 'w.id ')].join(
      '\n',
    );
    const q = validateQueryFile(text, 'sample.cypher', model).query!;
    expect(q.variants.neo4j?.line).toBe(10);
    expect(q.variants.embedded?.line).toBe(15);
  });

  it.each([
    ['an unknown type', HEADER[5]!.replace('id<Victim>', 'integer'), /6: param victim: unknown type "integer"/],
    ['an unknown kind', HEADER[5]!.replace('Victim>', 'Victm>'), /6: param victim: unknown kind "Victm"/],
    [
      'a default of the wrong type',
      HEADER[6]!.replace('= 2', '= two'),
      /7: param hops: default "two" is not a whole number from 1 to 4/,
    ],
    [
      'a default out of range',
      HEADER[6]!.replace('= 2', '= 9'),
      /7: param hops: default "9" is not a whole number from 1 to 4/,
    ],
    [
      'a default id of another kind',
      HEADER[5]!.replace('= victim:v-0001', '= wallet:eth:0xab'),
      /6: param victim: default "wallet:eth:0xab" is not an id of a Victim \(victim:<key>\)/,
    ],
    ['a param without a description', HEADER[6]!.replace(' -- hops', ''), /7: param hops: needs a description/],
    ['an unknown engine', HEADER[3]!.replace('embedded', 'sqlite'), /4: unknown engine "sqlite"/],
    ['an unknown returns', HEADER[4]!.replace('table', 'chart'), /5: returns must be one of graph, table, both/],
    ['an unknown field', '// author: me', /unknown header field "author"/],
  ])('refuses %s with its line', (_what, line, message) => {
    const lines = [...HEADER];
    const index = lines.findIndex((l) => l.split(':')[0] === line.split(':')[0] && l.startsWith(line.slice(0, 12)));
    if (index >= 0) lines[index] = line;
    else lines.splice(5, 0, line);
    expect(problems([...lines, BODY].join('\n')).join('\n')).toMatch(message);
  });

  it('refuses a name that does not match the file, and a missing field', () => {
    expect(problems([...HEADER, BODY].join('\n'), 'other.cypher')).toContain(
      '1: name "sample" must match the file name (other.cypher)',
    );
    expect(problems([...HEADER.filter((l) => !l.startsWith('// title')), BODY].join('\n'))).toContain(
      '1: the header needs "title: ..."',
    );
  });

  it('refuses an undeclared parameter and a declared one a variant does not use, at their lines', () => {
    const text = [...HEADER, 'MATCH (v:Victim {id: $victim}) RETURN v.id AS id, $limit AS l'].join('\n');
    expect(problems(text)).toEqual([
      '7: param hops is declared but the neo4j variant does not use $hops',
      '7: param hops is declared but the embedded variant does not use $hops',
      '9: $limit is used but not declared by a param line',
      '9: $limit is used but not declared by a param line',
    ]);
  });

  it('refuses a variant the guard refuses, at the line of the refused clause', () => {
    const text = [
      ...HEADER,
      'MATCH (v:Victim {id: $victim})',
      'WHERE $hops > 0',
      'SET v.name = "x"',
      'RETURN v.id AS id',
    ].join('\n');
    expect(problems(text)).toContain('11: neo4j variant: SET: SET writes properties or labels');
  });

  it('refuses a missing variant and a variant for an engine not listed', () => {
    const text = [...HEADER.map((l) => l.replace('neo4j, embedded', 'embedded')), '// dialect: neo4j', BODY].join('\n');
    const found = problems(text);
    expect(found).toContain('9: a neo4j variant, but engines does not list neo4j');
    expect(found).toContain('4: engines lists embedded but the file has no "// dialect: embedded" variant');
  });
});

describe('the loader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-queries-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses the whole library when one file is malformed, naming the file and line', () => {
    writeFileSync(join(dir, 'sample.cypher'), [...HEADER, BODY].join('\n'));
    writeFileSync(
      join(dir, 'broken.cypher'),
      [
        '// name: broken',
        '// title: Broken',
        '// description: x',
        '// engines: embedded',
        '// returns: graph',
        '',
        'COPY Victim TO "/tmp/x.csv"',
      ].join('\n'),
    );
    let error: unknown;
    try {
      loadQueryLibrary(model, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryLibraryError);
    expect((error as QueryLibraryError).problems).toEqual([
      expect.stringMatching(/broken\.cypher:7: embedded variant: COPY: COPY reads or writes files on the server$/),
    ]);
  });

  it('loads the good files and suggests near names', () => {
    rmSync(join(dir, 'broken.cypher'));
    const library = loadQueryLibrary(model, dir);
    expect(library.queries.map((q) => q.name)).toEqual(['sample']);
    expect(library.find('sample')?.title).toBe('A sample');
    expect(library.suggest('sampel')).toEqual(['sample']);
    expect(library.suggest('zzzzzz')).toEqual([]);
  });
});
