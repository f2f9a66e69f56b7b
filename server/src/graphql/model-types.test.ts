import { describe, expect, it } from 'vitest';
import type { Entity } from '../domain/graph.js';
import { model } from '../domain/model/index.js';
import { modelTypeDefs, modelTypeResolvers } from './model-types.js';

describe('model-generated types', () => {
  const sdl = modelTypeDefs();

  it('has one type per kind implementing Entity, with a typed field per property', () => {
    for (const kind of model.kinds) {
      expect(sdl).toContain(`type ${kind.name} implements Entity {`);
      for (const name of Object.keys(kind.properties)) expect(sdl).toMatch(new RegExp(`\\n  ${name}: `));
    }
    expect(sdl).toMatch(/type Victim implements Entity \{[^}]*\n {2}reportedLoss: Decimal\n/);
    expect(sdl).toMatch(/type CallCentre implements Entity \{[^}]*\n {2}raidedAt: DateTime\n/);
    expect(sdl).toMatch(/type CallCentre implements Entity \{[^}]*\n {2}workstationCount: Int\n/);
    expect(sdl).toMatch(/type CrimeGroup implements Entity \{[^}]*\n {2}aliases: \[String!\]\n/);
  });

  it('lists an enumeration in the field description', () => {
    expect(sdl).toContain('One of: active, raided, closed, unknown.');
  });

  it('resolves typed fields from the property map, unset as null, and the caption', () => {
    type Field = (e: Entity, args: unknown, context: unknown) => unknown;
    const resolvers = modelTypeResolvers() as Record<string, Record<string, Field>>;
    const analyst = { caller: { id: 'token:a', name: 'a', role: 'analyst', via: 'token' } };
    const wallet: Entity = {
      id: 'wallet:eth:0xabc',
      kind: 'Wallet',
      properties: { address: '0xabc', chain: 'eth' },
      sources: [],
    };
    expect(resolvers['Wallet']!['chain']!(wallet, {}, analyst)).toBe('eth');
    expect(resolvers['Wallet']!['label']!(wallet, {}, analyst)).toBeNull();
    expect(resolvers['Wallet']!['caption']!(wallet, {}, analyst)).toBe('0xabc');
    expect(resolvers['Wallet']!['withheld']!(wallet, {}, analyst)).toEqual([]);
  });
});
