import { describe, expect, it } from 'vitest';
import type { EntityWrite } from '../../domain/graph.js';
import { FactMemory } from './fact-memory.js';

const source = { sha256: 'a'.repeat(64), locator: 'line:2' };
const phone = (n: number, properties: EntityWrite['properties'] = {}): EntityWrite => ({
  id: `phone:+7495${n}`,
  kind: 'PhoneNumber',
  caption: `+7495${n}`,
  searchText: '',
  properties,
  source,
});

describe('the facts a file has asserted', () => {
  it('leaves out a repeat with the same values, not one with new values', () => {
    const memory = new FactMemory();
    expect(memory.repeated(phone(1, { number: '+74951' }))).toBe(false);
    expect(memory.repeated(phone(1, { number: '+74951' }))).toBe(true);
    expect(memory.repeated(phone(1, { number: '+74951', valid: true }))).toBe(false);
    expect(memory.repeated(phone(1, { number: '+74951', valid: true }))).toBe(true);
  });

  it('tells values apart by type and by every character', () => {
    const memory = new FactMemory();
    const pairs: Array<[EntityWrite['properties'], EntityWrite['properties']]> = [
      [{ x: 1 }, { x: '1' }],
      [{ x: ['a\u0002b'] }, { x: ['a', 'b'] }],
      [{ x: 'a', y: 'b' }, { x: 'a\u0000y\u0000stringb' }],
      [{ x: null }, { x: 'null' }],
    ];
    pairs.forEach(([a, b], i) => {
      expect(memory.repeated(phone(100 + i, a))).toBe(false);
      expect(memory.repeated(phone(100 + i, b))).toBe(false);
    });
  });

  it('remembers at least the capacity/2 most recent ids, and forgets past capacity', () => {
    const memory = new FactMemory(10);
    expect(memory.repeated(phone(0))).toBe(false);
    for (let i = 1; i <= 4; i++) memory.repeated(phone(i));
    expect(memory.repeated(phone(0))).toBe(true); // four others since: still known, and now recent again
    for (let i = 1; i <= 4; i++) memory.repeated(phone(i));
    expect(memory.repeated(phone(0))).toBe(true);
    for (let i = 20; i < 30; i++) memory.repeated(phone(i));
    expect(memory.repeated(phone(0))).toBe(false); // ten others since: forgotten, cited once more
  });
});
