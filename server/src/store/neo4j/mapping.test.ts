/** Records as the executor hands them over (plain values), mapped to port shapes. */
import { describe, expect, it } from 'vitest';
import { entityFromStored, linkFromStored, linkTypeOfId } from './mapping.js';

const sha = 'a'.repeat(64);
const shb = 'b'.repeat(64);

describe('entityFromStored', () => {
  it('takes the kind from the id, keeps only the kind’s own set properties and parses sources', () => {
    const entity = entityFromStored({
      id: 'callcentre:moscow-1',
      caption: 'Moscow 1',
      searchText: 'moscow 1',
      sources: [`${sha}#line:17`, `${shb}#para:4`],
      name: 'Moscow 1',
      workstationCount: 500,
      raidedAt: '2024-05-01T10:11:12.000Z',
      status: null,
      leftover: 'not in the model',
    });
    expect(entity).toEqual({
      id: 'callcentre:moscow-1',
      kind: 'CallCentre',
      properties: { name: 'Moscow 1', workstationCount: 500, raidedAt: '2024-05-01T10:11:12.000Z' },
      sources: [
        { sha256: sha, locator: 'line:17' },
        { sha256: shb, locator: 'para:4' },
      ],
    });
  });

  it('refuses a stored node without an id', () => {
    expect(() => entityFromStored({ name: 'x' })).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});

describe('linkFromStored', () => {
  it('maps a payment with its endpoints, amount kept as an exact string', () => {
    const link = linkFromStored(
      'PAID',
      {
        id: 'link:PAID:0123456789abcdef',
        amount: '1234.000000000000000001',
        asset: 'USDT',
        sources: [`${sha}#line:2`],
      },
      'victim:v-1',
      'wallet:trx:TXyz',
    );
    expect(link).toEqual({
      id: 'link:PAID:0123456789abcdef',
      type: 'PAID',
      from: 'victim:v-1',
      to: 'wallet:trx:TXyz',
      properties: { amount: '1234.000000000000000001', asset: 'USDT' },
      sources: [{ sha256: sha, locator: 'line:2' }],
    });
  });
});

describe('linkTypeOfId', () => {
  it('reads the type from a link id, only when the model has it', () => {
    expect(linkTypeOfId('link:CALLED:0123456789abcdef')).toBe('CALLED');
    expect(linkTypeOfId('link:DROP_DATABASE:0123')).toBeUndefined();
    expect(linkTypeOfId('link:CALLED`]->() DETACH DELETE n //:x')).toBeUndefined();
    expect(linkTypeOfId('victim:v-1')).toBeUndefined();
  });
});
