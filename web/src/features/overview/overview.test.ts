import { describe, expect, it } from 'vitest';
import type { OverviewData } from '../../api/overview';
import { toOverview } from './overview';

const data: OverviewData = {
  stats: {
    engine: 'embedded',
    version: '0.11.3',
    entities: [
      { kind: 'Victim', count: 3 },
      { kind: 'SourceFile', count: 2 },
    ],
    links: [{ type: 'CALLED', count: 5 }],
  },
  model: {
    kinds: [
      { name: 'CallCentre', description: 'site', system: false, display: { colour: '#e65100', icon: 'x' } },
      { name: 'Victim', description: 'victim', system: false, display: { colour: '#f00', icon: 'y' } },
      { name: 'SourceFile', description: 'file', system: true, display: { colour: '#999', icon: 'z' } },
    ],
    relationships: [{ name: 'CALLED', description: 'call', display: { colour: '#0aa', label: 'called' } }],
  },
};

describe('toOverview', () => {
  it('lists every kind of the model in order, with its colour, and zero when absent', () => {
    const overview = toOverview(data);
    expect(overview.kinds.map((k) => [k.name, k.count, k.colour])).toEqual([
      ['CallCentre', 0, '#e65100'],
      ['Victim', 3, '#f00'],
    ]);
    expect(overview.links).toEqual([
      { name: 'CALLED', label: 'called', description: 'call', colour: '#0aa', count: 5 },
    ]);
  });

  it('keeps provenance kinds apart and out of the total', () => {
    const overview = toOverview(data);
    expect(overview.systemKinds.map((k) => [k.name, k.count])).toEqual([['SourceFile', 2]]);
    expect(overview.totalEntities).toBe(3);
    expect(overview.totalLinks).toBe(5);
    expect(overview.engine).toBe('embedded (Kùzu) 0.11.3');
  });
});
