import { describe, expect, it } from 'vitest';
import { assertEndpointsAllowed, kindOf, kindOfId, model, relationshipOf } from './index.js';

describe('the model', () => {
  it('names every endpoint kind that exists', () => {
    const names = new Set(model.kinds.map((k) => k.name));
    for (const rel of model.relationships) {
      for (const [from, to] of rel.endpoints) {
        expect(names.has(from), `${rel.name} from ${from}`).toBe(true);
        expect(names.has(to), `${rel.name} to ${to}`).toBe(true);
      }
    }
  });

  it('has a caption property declared on every kind', () => {
    for (const kind of model.kinds) expect(Object.keys(kind.properties)).toContain(kind.display.caption);
  });

  it('keys event relationships by declared properties', () => {
    for (const rel of model.relationships) {
      if (rel.cardinality.kind === 'event') {
        for (const p of rel.cardinality.keyProperties) expect(Object.keys(rel.properties)).toContain(p);
      }
    }
  });

  it('has unique id prefixes', () => {
    const prefixes = model.kinds.map((k) => k.idPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('refuses an unknown kind or type by name', () => {
    expect(() => kindOf('Spaceship')).toThrow(/unknown kind "Spaceship"/);
    expect(() => relationshipOf('LOVES')).toThrow(/unknown relationship type "LOVES"/);
    expect(() => kindOfId('nope:1')).toThrow(/"nope:1" is not an entity id/);
  });

  it('refuses a link between kinds the model does not allow', () => {
    expect(() => assertEndpointsAllowed('CALLED', 'Victim', 'PhoneNumber')).toThrow(
      /CALLED cannot link Victim to PhoneNumber/,
    );
    expect(assertEndpointsAllowed('CALLED', 'PhoneNumber', 'Victim').name).toBe('CALLED');
  });
});

describe('property lookup', () => {
  it('does not take inherited object members for declared properties', async () => {
    const { propertyOf } = await import('./index.js');
    expect(() => propertyOf(kindOf('Victim'), 'constructor')).toThrow(/Victim has no property "constructor"/);
  });
});
