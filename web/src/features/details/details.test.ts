import { describe, expect, it } from 'vitest';
import { addSubgraph, aggregateId, emptyScene } from '../../scene';
import { link, subgraph } from '../../scene/testing';
import { detailsOf, formatValue, propertyRows } from './details';

const paid = [
  link('PAID', 'victim:v-1', 'wallet:eth:0x1', { amount: '1.5', asset: 'eth', at: '2024-05-01T10:00:00.000Z' }),
  link('PAID', 'victim:v-1', 'wallet:eth:0x1', { amount: '2', asset: 'eth', at: '2024-06-01T10:00:00.000Z' }),
];
const scene = addSubgraph(emptyScene(), subgraph([...paid, link('CONTROLS', 'crimegroup:k', 'callcentre:a')]));

describe('detailsOf', () => {
  it('shows an entity with how many links it has on the scene', () => {
    const details = detailsOf(scene, 'victim:v-1');
    expect(details).toMatchObject({ type: 'entity', degree: 2, pinned: false });
  });

  it('shows an aggregate edge with its links newest first and the summed amounts', () => {
    const details = detailsOf(scene, aggregateId('PAID', 'victim:v-1', 'wallet:eth:0x1'));
    if (details?.type !== 'edge') throw new Error('expected an edge');
    expect(details.linkType).toBe('PAID');
    expect(details.from?.id).toBe('victim:v-1');
    expect(details.links.map((l) => l.id)).toEqual([paid[1]!.id, paid[0]!.id]);
    expect(details.rollup.count).toBe(2);
    expect(details.rollup.totals).toEqual([{ asset: 'ETH', amount: '3.5' }]);
  });

  it('shows a single link by its id, and nothing for an id not on the scene', () => {
    expect(detailsOf(scene, paid[0]!.id)).toMatchObject({ type: 'edge', links: [paid[0]] });
    expect(detailsOf(scene, 'person:nobody')).toBeNull();
    expect(detailsOf(scene, aggregateId('PAID', 'victim:v-9', 'wallet:eth:0x1'))).toBeNull();
  });
});

describe('formatValue', () => {
  it('reads lists, booleans and instants', () => {
    expect(formatValue(['fraud', 'drugs'])).toBe('fraud, drugs');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue('2024-05-01T10:11:12.000Z')).toBe('2024-05-01 10:11:12 UTC');
    expect(formatValue('12.50')).toBe('12.50');
    expect(formatValue(undefined)).toBe('');
  });
});

describe('propertyRows', () => {
  it('marks what the server withheld as "withheld" (never blank), after the values it sent', () => {
    expect(propertyRows({ country: 'DE', complaintRef: 'CMP-1', empty: '' }, ['name', 'email'])).toEqual([
      { name: 'country', text: 'DE', withheld: false },
      { name: 'complaintRef', text: 'CMP-1', withheld: false },
      { name: 'email', text: 'withheld', withheld: true },
      { name: 'name', text: 'withheld', withheld: true },
    ]);
    expect(propertyRows({ name: 'Ingrid' })).toEqual([{ name: 'name', text: 'Ingrid', withheld: false }]);
  });
});
