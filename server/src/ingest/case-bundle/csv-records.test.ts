import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, CsvSyntaxError } from './csv-records.js';

async function lines(text: string, chunk = 0): Promise<Array<[number, string[]]>> {
  const parts = chunk > 0 ? (text.match(new RegExp(`[\\s\\S]{1,${chunk}}`, 'g')) ?? []) : [text];
  const out: Array<[number, string[]]> = [];
  for await (const r of csvRecords(Readable.from(parts.map((p) => Buffer.from(p))))) out.push([r.line, r.cells]);
  return out;
}

describe('csvRecords', () => {
  it('numbers lines from the header, skipping blank lines', async () => {
    expect(await lines('key,name\na,b\n\nc,d\n')).toEqual([
      [1, ['key', 'name']],
      [2, ['a', 'b']],
      [4, ['c', 'd']],
    ]);
  });

  it('gives a record with a quoted line break the line it starts on, and keeps later lines right', async () => {
    const text = 'k,v\n"a","multi\nline"\nb,c\n';
    expect(await lines(text)).toEqual([
      [1, ['k', 'v']],
      [2, ['a', 'multi\nline']],
      [4, ['b', 'c']],
    ]);
  });

  it('counts CR LF files, with CR LF inside quotes, the same way', async () => {
    const text = 'k,v\r\na,b\r\n\r\nc,"x\r\ny"\r\nd,e\r\nf,"1\r\n2\r\n3"\r\ng,h\r\n';
    expect((await lines(text)).map(([l, c]) => [l, c[0]])).toEqual([
      [1, 'k'],
      [2, 'a'],
      [4, 'c'],
      [6, 'd'],
      [7, 'f'],
      [10, 'g'],
    ]);
  });

  it('is the same whatever the chunking of the stream', async () => {
    const text = 'k,v\r\na,"q""x"\r\nc,"x\r\ny"\r\nd,e\n';
    expect(await lines(text, 3)).toEqual(await lines(text));
  });

  it('drops a byte-order mark and keeps short and long rows for the caller to judge', async () => {
    expect(await lines('\uFEFFk,v\na\nb,c,d\n')).toEqual([
      [1, ['k', 'v']],
      [2, ['a']],
      [3, ['b', 'c', 'd']],
    ]);
  });

  it('stops with the line when the file stops being CSV', async () => {
    const read = lines('k,v\na,b\nc,"unclosed\n');
    await expect(read).rejects.toBeInstanceOf(CsvSyntaxError);
    await expect(read).rejects.toMatchObject({ line: expect.any(Number) });
  });
});
