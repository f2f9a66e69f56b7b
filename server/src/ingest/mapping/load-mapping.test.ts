import { describe, expect, it } from 'vitest';
import { builtinMapping, builtinMappingNames, parseMapping } from './load-mapping.js';

const base = 'format: ringtrace-mapping/1\nname: t\n';

describe('mappings', () => {
  it('every built-in mapping parses, checks against the model and hashes the same however it is written', async () => {
    for (const name of await builtinMappingNames()) expect((await builtinMapping(name)).mapping.name).toBe(name);
    const yaml = parseMapping(`${base}entities:\n  p: { kind: Person, key: id }\n`, 'a.yaml');
    const json = parseMapping(
      JSON.stringify({ entities: { p: { key: 'id', kind: 'Person' } }, name: 't', format: 'ringtrace-mapping/1' }),
      'a.json',
    );
    expect(json.sha256).toBe(yaml.sha256);
  });

  it('names the mapping and every problem it has', () => {
    const problems = (text: string) => {
      try {
        parseMapping(text, 'm.yaml');
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(problems('format: [')).toMatch(/^mapping: m\.yaml line 1: not YAML or JSON/);
    expect(problems(`${base}entities:\n  p: { kind: Person }\n`)).toMatch(
      /entities\.p\.key: Person is keyed by a given key/,
    );
    expect(problems(`${base}entities:\n  w: { kind: Wallet }\n`)).toMatch(
      /entities\.w\.key: Wallet is keyed by "address"/,
    );
    expect(problems(`${base}entities:\n  s: { kind: SourceFile, key: x }\n`)).toMatch(/SourceFile is a system kind/);
    expect(
      problems(
        `${base}entities:\n  p: { kind: PhoneNumber, key: a }\n  v: { kind: Victim, key: b }\nlinks:\n  - { type: CALLED, from: v, to: p }\n`,
      ),
    ).toMatch(/links\[0\]: CALLED cannot link Victim to PhoneNumber/);
    expect(
      problems(
        `${base}entities:\n  p: { kind: PhoneNumber, key: a }\n  v: { kind: Victim, key: b }\nlinks:\n  - { type: CALLED, from: p, to: x }\n`,
      ),
    ).toMatch(/links\[0\]\.to: no entity "x" in this mapping[\s\S]*CALLED is an event keyed by at: map "at"/);
    expect(problems(`${base}context: { timeZone: Mars/Base }\nentities:\n  p: { kind: Person, key: id }\n`)).toMatch(
      /context\.timeZone: "Mars\/Base" is not UTC, a fixed offset/,
    );
    expect(problems(`${base}input: { encoding: klingon }\nentities:\n  p: { kind: Person, key: id }\n`)).toMatch(
      /input\.encoding: "klingon" is not an encoding/,
    );
    expect(problems(`${base}entities:\n  p: { kind: Person, key: { column: a, format: 'HH:mm' } }\n`)).toMatch(
      /entities\.p\.key\.format: date format "HH:mm" needs a year/,
    );
    expect(problems(`${base}entities:\n  p: { kind: Person, key: { item: true } }\n`)).toMatch(
      /"item" reads the current element/,
    );
  });
});
