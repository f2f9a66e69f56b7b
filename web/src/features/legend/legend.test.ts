import { describe, expect, it } from 'vitest';
import { addSubgraph, emptyScene, toggleKind } from '../../scene';
import { link, subgraph } from '../../scene/testing';
import type { StyleModel } from '../../canvas/model-style';
import { legendOf } from './legend';

const model: StyleModel = {
  kinds: [
    { name: 'Crimegroup', display: { colour: '#b71c1c', icon: 'groups' } },
    { name: 'Callcentre', display: { colour: '#e65100', icon: 'support_agent' } },
    { name: 'Victim', display: { colour: '#ad1457', icon: 'person_alert' } },
    { name: 'SourceFile', system: true, display: { colour: '#999', icon: 'description' } },
  ],
  relationships: [
    { name: 'CALLED', display: { colour: '#00838f', label: 'called' } },
    { name: 'CONTROLS', display: { colour: '#b71c1c', label: 'controls' } },
  ],
};

describe('legendOf', () => {
  const scene = addSubgraph(
    emptyScene(),
    subgraph([link('CONTROLS', 'crimegroup:k', 'callcentre:a'), link('CONTROLS', 'crimegroup:k', 'callcentre:b')]),
  );

  it('counts the scene by kind and type, beside the database counts, kinds on the scene first', () => {
    const database = {
      kinds: new Map([
        ['Victim', 500],
        ['Crimegroup', 1],
      ]),
      links: new Map([['CALLED', 9000]]),
    };
    const legend = legendOf(model, scene, database);
    expect(legend.kinds.map((k) => [k.name, k.onScene, k.inDatabase])).toEqual([
      ['Crimegroup', 1, 1],
      ['Callcentre', 2, undefined],
      ['Victim', 0, 500],
    ]);
    expect(legend.links.map((l) => [l.label, l.onScene, l.inDatabase])).toEqual([
      ['controls', 2, undefined],
      ['called', 0, 9000],
    ]);
  });

  it('leaves system kinds out and marks filtered kinds hidden', () => {
    const legend = legendOf(model, toggleKind(scene, 'Callcentre'), undefined);
    expect(legend.kinds.map((k) => k.name)).not.toContain('SourceFile');
    expect(legend.kinds.find((k) => k.name === 'Callcentre')?.hidden).toBe(true);
    expect(legend.kinds.find((k) => k.name === 'Crimegroup')?.inDatabase).toBeUndefined();
  });
});
