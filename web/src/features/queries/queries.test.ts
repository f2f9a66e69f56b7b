import { describe, expect, it } from 'vitest';
import { toCsv, sortRows } from '../../scene/table';
import { parametersUsed, readAdhocParams } from './adhoc-params';
import { editorSchema } from './editor-schema';
import { libraryEngine } from './library-engine';
import { queriesForKind } from './node-queries';
import { describeQueryBounds, describeQueryError } from './query-messages';
import { cellOf, idsInRow, resultTable } from './result-table';
import { param, savedQuery } from './testing';

describe('queriesForKind', () => {
  const centreQuery = savedQuery(
    [param({ name: 'centre', type: 'id', kinds: ['CallCentre'] }), param({ name: 'maxHops', type: 'int' })],
    { name: 'centre-to-crime-group', title: 'From a call centre to its crime group' },
  );
  const anyId = savedQuery([param({ name: 'seed', type: 'id' })], { name: 'around', title: 'Around anything' });
  const listOfCentres = savedQuery(
    [param({ name: 'centres', type: 'list', itemType: 'id', kinds: ['CallCentre', 'Platform'] })],
    { name: 'compare', title: 'Compare centres' },
  );
  const unsupported = savedQuery([param({ name: 'centre', type: 'id', kinds: ['CallCentre'] })], {
    name: 'neo4j-only',
    supported: false,
  });
  const noId = savedQuery([param({ name: 'limit', type: 'int' })], { name: 'most-central' });
  const library = [anyId, noId, centreQuery, unsupported, listOfCentres];

  it('lists the queries this server runs that take an id of the kind, the kind-specific first', () => {
    expect(queriesForKind(library, 'CallCentre').map((q) => [q.query.name, q.param])).toEqual([
      ['compare', 'centres'],
      ['centre-to-crime-group', 'centre'],
      ['around', 'seed'],
    ]);
    expect(queriesForKind(library, 'Victim').map((q) => q.query.name)).toEqual(['around']);
    expect(queriesForKind([noId], 'Victim')).toEqual([]);
  });
});

describe('resultTable', () => {
  const columns = ['crimeGroup', 'hops', 'entityIds', 'path'];
  const rows = [
    ['crimegroup:b', 2, ['callcentre:x', 'person:p', 'crimegroup:b'], { entityIds: ['callcentre:x'], linkIds: [] }],
    ['crimegroup:a', 10, ['callcentre:x', 'crimegroup:a'], null],
    ['crimegroup:c', 1, [], null],
  ];

  it('keeps the ids, joins lists, writes structures as JSON, and sorts numbers as numbers', () => {
    const table = resultTable(columns, rows);
    expect(table.columns.map((c) => c.label)).toEqual(columns);
    expect(table.rows[0]).toEqual({
      c0: 'crimegroup:b',
      c1: 2,
      c2: 'callcentre:x; person:p; crimegroup:b',
      c3: '{"entityIds":["callcentre:x"],"linkIds":[]}',
    });
    expect(sortRows(table.rows, 'c1').map((r) => r['c1'])).toEqual([1, 2, 10]);
    expect(sortRows(table.rows, 'c0', 'desc').map((r) => r['c0'])).toEqual([
      'crimegroup:c',
      'crimegroup:b',
      'crimegroup:a',
    ]);
    expect(toCsv(table).split('\n')[0]).toBe('crimeGroup,hops,entityIds,path');
  });

  it('reads cells and finds the ids a row names', () => {
    expect(cellOf(undefined)).toBeNull();
    expect(cellOf([1, null, 'x'])).toBe('1; ; x');
    const known = new Set(['callcentre:x', 'crimegroup:b', 'link:CONTROLS:0123456789abcdef']);
    expect(idsInRow(rows[0]!, (id) => known.has(id))).toEqual(['crimegroup:b', 'callcentre:x']);
  });
});

describe('describeQueryBounds', () => {
  it('says what the row cap and the canvas caps left out, and nothing when nothing was', () => {
    const truncated = [{ bound: 'rowCap', value: 1000, omitted: 2345 }];
    const subgraph = { truncated: [{ bound: 'subgraphEntities', value: 500, omitted: 12 }] };
    expect(describeQueryBounds({ truncated, subgraph })).toEqual([
      'Rows capped at 1,000: 2,345 more left out. Raise “Rows ≤” or narrow the query.',
      'The canvas gets the first 500 entities the rows name: 12 more are only in the table.',
    ]);
    expect(describeQueryBounds({ truncated: [], subgraph: {} })).toEqual([]);
  });
});

describe('describeQueryError', () => {
  const apiError = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('names a refused clause, where it is and why', () => {
    const problem = describeQueryError(
      apiError('SET refused at line 1, column 18: SET writes properties or labels', 'FORBIDDEN'),
    );
    expect(problem).toMatchObject({
      title: 'Refused: SET',
      detail: 'SET writes properties or labels',
      refusal: { clause: 'SET', line: 1, column: 18, why: 'SET writes properties or labels' },
      bound: false,
    });
    const unbounded = describeQueryError(
      apiError('variable-length pattern refused at line 2, column 9: no upper bound', 'LIMIT_EXCEEDED'),
    );
    expect(unbounded.refusal?.clause).toBe('variable-length pattern');
    expect(unbounded.next).toContain('upper bound');
  });

  it('shows a timeout as the bound it is, with the time asked for', () => {
    const problem = describeQueryError(
      apiError('the query ran past the query timeout and was stopped', 'TIMEOUT'),
      5000,
    );
    expect(problem).toMatchObject({ title: 'Stopped at the timeout of 5 s', bound: true });
    expect(describeQueryError(apiError('x', 'TIMEOUT')).title).toContain('server’s query timeout');
  });

  it('keeps the server’s words for a wrong parameter or an unknown name', () => {
    const wrong = describeQueryError(apiError('parameter centre must be an id of a CallCentre', 'INVALID_ARGUMENT'));
    expect(wrong.detail).toBe('parameter centre must be an id of a CallCentre');
    expect(describeQueryError(apiError('no saved query named "x" (did you mean y?)', 'NOT_FOUND')).title).toBe(
      'No such saved query',
    );
  });
});

describe('editorSchema', () => {
  it('completes labels, types and properties from the model, stored columns included', () => {
    const model = {
      kinds: [
        { name: 'Victim', properties: [{ name: 'name' }, { name: 'country' }] },
        { name: 'CallCentre', properties: [{ name: 'name' }] },
      ],
      relationships: [{ name: 'PAID', properties: [{ name: 'amount' }] }],
    };
    expect(editorSchema(model, ['centre'])).toMatchObject({
      labels: ['CallCentre', 'Victim'],
      relationshipTypes: ['PAID'],
      propertyKeys: ['amount', 'caption', 'country', 'id', 'name', 'sources'],
      parameters: ['centre'],
    });
  });
});

describe('ad-hoc parameters', () => {
  it('reads a JSON object and names what is wrong with anything else', () => {
    expect(readAdhocParams('  ')).toEqual({ ok: true, params: {} });
    expect(readAdhocParams('{"centre": "callcentre:x", "hops": 2}')).toEqual({
      ok: true,
      params: { centre: 'callcentre:x', hops: 2 },
    });
    expect(readAdhocParams('[1]')).toMatchObject({ ok: false, message: expect.stringContaining('a JSON object') });
    expect(readAdhocParams('{centre: 1}')).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
    expect(readAdhocParams('{"a b": 1}')).toMatchObject({ ok: false, message: expect.stringContaining('"a b"') });
  });

  it('finds the $parameters a query uses, not those in strings or comments', () => {
    expect(parametersUsed("MATCH (c {id: $centre}) // $not\nWHERE c.name <> '$no' RETURN $hops, $centre")).toEqual([
      'centre',
      'hops',
    ]);
  });
});

describe('libraryEngine', () => {
  const both = savedQuery([], { engines: ['neo4j', 'embedded'] });
  it('tells the engine from the queries it runs and those it does not', () => {
    expect(libraryEngine([both, savedQuery([], { engines: ['embedded'] })])).toBe('embedded');
    expect(libraryEngine([both, savedQuery([], { engines: ['embedded'], supported: false })])).toBe('neo4j');
    expect(libraryEngine([both])).toBeUndefined();
    expect(libraryEngine([])).toBeUndefined();
  });
});
