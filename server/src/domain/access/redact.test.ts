import { describe, expect, it } from 'vitest';
import type { Entity } from '../graph.js';
import { model } from '../model/index.js';
import type { Caller } from './caller.js';
import { kindsSearchingPersonal, mayReadPersonal, personalProperties, redactEntity, redactLink } from './redact.js';

const victim: Entity = {
  id: 'victim:v-0001',
  kind: 'Victim',
  properties: { name: 'Ingrid Conti', email: 'ingrid@mail.example', country: 'DE', complaintRef: 'CMP-DE-0001' },
  sources: [],
};
const caller = (role: Caller['role']): Caller => ({ id: `token:${role}`, name: role, role, via: 'token' });

describe('redaction of personal properties', () => {
  it('reads the personal flags from the model, for every kind that has them', () => {
    for (const kind of model.kinds) {
      const flagged = Object.entries(kind.properties)
        .filter(([, d]) => d.personal)
        .map(([n]) => n);
      expect(personalProperties(kind.name)).toEqual(flagged);
    }
    expect(personalProperties('Victim')).toEqual(['name', 'email', 'phone']);
    expect(personalProperties('Person')).toEqual(['birthDate']);
    expect(kindsSearchingPersonal).toEqual(['Victim']);
  });

  it('withholds every set personal value and derives the caption without them', () => {
    const view = redactEntity(victim, false);
    expect(view.properties).toEqual({ country: 'DE', complaintRef: 'CMP-DE-0001' });
    expect(view.withheld).toEqual(['name', 'email']);
    expect(view.caption).toBe('v-0001');
    expect(JSON.stringify(view)).not.toMatch(/Ingrid|ingrid/);
  });

  it('keeps everything for a caller with personal:read', () => {
    const view = redactEntity(victim, true);
    expect(view).toEqual({ properties: victim.properties, caption: 'Ingrid Conti', withheld: [] });
  });

  it('keeps a caption that is not personal (a person named, birth date withheld)', () => {
    const person: Entity = {
      id: 'person:p1',
      kind: 'Person',
      properties: { name: 'Boss', birthDate: '1980-01-02' },
      sources: [],
    };
    expect(redactEntity(person, false)).toEqual({
      properties: { name: 'Boss' },
      caption: 'Boss',
      withheld: ['birthDate'],
    });
  });

  it("withholds a hand edit's record title (it quotes the values replaced), not a report's", () => {
    const file = (basis: string, name = 'edit by token:x'): Entity => ({
      id: 'source:ab',
      kind: 'SourceFile',
      properties: { name, title: 'updateEntity victim:v-0001: name "A" -> "B"', basis },
      sources: [],
    });
    expect(redactEntity(file('manual'), false).withheld).toEqual(['title']);
    expect(redactEntity(file('manual'), false).properties['title']).toBeUndefined();
    expect(redactEntity(file('manual'), true).withheld).toEqual([]);
    expect(redactEntity(file('reported'), false).withheld).toEqual([]);
    expect(redactEntity(file('manual', 'Person.report.csv'), false).withheld).toEqual([]);
  });

  it('leaves links as they are: no relationship property is personal', () => {
    const link = {
      id: 'link:PAID:1',
      type: 'PAID',
      from: 'victim:v-0001',
      to: 'wallet:eth:0x1',
      properties: { amount: '1' },
      sources: [],
    };
    expect(redactLink(link, false)).toEqual({ properties: { amount: '1' }, withheld: [] });
  });

  it('grants personal data to analysts and above only, and never to no caller', () => {
    expect(mayReadPersonal(caller('viewer'))).toBe(false);
    expect(mayReadPersonal(caller('analyst'))).toBe(true);
    expect(mayReadPersonal(caller('admin'))).toBe(true);
    expect(mayReadPersonal(undefined)).toBe(false);
  });
});
