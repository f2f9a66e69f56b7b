import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDate, normaliseDateTime } from './datetime.js';

const ok = (raw: string, timeZone?: string) => {
  const r = normaliseDateTime(raw, timeZone === undefined ? {} : { timeZone });
  if (!r.ok) throw new Error(`${raw}: ${r.reason}`);
  return r.value;
};

const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) });
const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

describe('normaliseDateTime', () => {
  it('reads ISO with Z, offsets, local times in a zone and epoch seconds', () => {
    expect(ok('2024-05-01T10:11:12Z')).toBe('2024-05-01T10:11:12.000Z');
    expect(ok('2024-05-01T13:11:12.5+03:00')).toBe('2024-05-01T10:11:12.500Z');
    expect(ok('2024-05-01T13:11:12+0300')).toBe('2024-05-01T10:11:12.000Z');
    expect(ok('2024-05-01T05:41:12-04:30')).toBe('2024-05-01T10:11:12.000Z');
    expect(ok('2024-05-01 10:11')).toBe('2024-05-01T10:11:00.000Z');
    expect(ok('2024-05-01 13:11:12.123456', '+03:00')).toBe('2024-05-01T10:11:12.123Z');
    expect(ok('2024-05-01 01:00', '+03:00')).toBe('2024-04-30T22:00:00.000Z');
    expect(ok('2024-05-01', 'UTC')).toBe('2024-05-01T00:00:00.000Z');
    expect(ok('1714558272')).toBe('2024-05-01T10:11:12.000Z');
    expect(ok('1714558272.25')).toBe('2024-05-01T10:11:12.250Z');
    expect(ok('0099-01-01T00:00:00Z')).toBe('0099-01-01T00:00:00.000Z');
  });

  it('maps the same instant written with any offset to one UTC string', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -14 * 60, max: 14 * 60 }), (ms, offset) => {
        const local = new Date(ms + offset * 60_000).toISOString().replace('Z', '');
        expect(ok(`${local}${offsetText(offset)}`)).toBe(new Date(ms).toISOString());
        expect(ok(local.replace('T', ' '), offsetText(offset))).toBe(new Date(ms).toISOString());
        expect(ok(new Date(ms).toISOString())).toBe(new Date(ms).toISOString());
      }),
    );
  });

  it('keeps a time already in the stored form, and refuses one shaped like it that does not exist', () => {
    const d = (max: number) => fc.integer({ min: 0, max }).map((n) => pad(n));
    const shaped = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), d(19), d(39), d(29), d(69), d(69), fc.integer({ min: 0, max: 999 }))
      .map(([y, mo, da, h, mi, s, ms]) => `${pad(y, 4)}-${mo}-${da}T${h}:${mi}:${s}.${pad(ms, 3)}Z`);
    fc.assert(
      fc.property(shaped, (text) => {
        const [, y, mo, da, h, mi, s] = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)/.exec(text)!.map(Number);
        const exists =
          mo! >= 1 &&
          mo! <= 12 &&
          da! >= 1 &&
          da! <= new Date(Date.UTC(2000, mo!, 0)).getUTCDate() &&
          !(mo === 2 && da === 29 && !(y! % 4 === 0 && (y! % 100 !== 0 || y! % 400 === 0))) &&
          h! <= 23 &&
          mi! <= 59 &&
          s! <= 59;
        const r = normaliseDateTime(text);
        expect(r.ok, text).toBe(exists);
        if (r.ok) expect(r.value).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads epoch seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 4_000_000_000 }), (s) => {
        expect(ok(String(s))).toBe(new Date(s * 1000).toISOString());
      }),
    );
  });

  it('refuses impossible or malformed times with a reason, never a throw', () => {
    for (const [raw, reason] of [
      ['2023-02-29T00:00:00Z', /no such date/],
      ['2024-13-01 00:00', /no such date/],
      ['2024-05-01T24:00:00Z', /time out of range/],
      ['2024-05-01T10:60Z', /time out of range/],
      ['2024-05-01T10:00:00+25:00', /bad UTC offset/],
      ['yesterday', /not a date-time/],
      ['2024', /not a date-time/],
      ['1714558272000', /epoch milliseconds\?/],
      ['', /empty/],
    ] as const) {
      const r = normaliseDateTime(raw);
      expect(r.ok, raw).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
    fc.assert(fc.property(fc.string(), (s) => void normaliseDateTime(s)));
  });

  it('refuses a malformed timeZone option', () => {
    expect(() => normaliseDateTime('2024-05-01 10:00', { timeZone: 'Europe/Moscow' })).toThrow(
      /timeZone: "Europe\/Moscow"/,
    );
  });
});

describe('normaliseDate', () => {
  it('reads real calendar dates as YYYY-MM-DD', () => {
    expect(normaliseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(normaliseDate('01.05.2024')).toEqual({ ok: true, value: '2024-05-01' });
    expect(normaliseDate('2024/5/1')).toEqual({ ok: true, value: '2024-05-01' });
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(normaliseDate(iso)).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it('refuses dates that do not exist, agreeing with the calendar', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const probe = new Date(0);
          probe.setUTCFullYear(y, m - 1, d);
          const exists = probe.getUTCDate() === d;
          expect(normaliseDate(`${pad(y, 4)}-${pad(m)}-${pad(d)}`).ok).toBe(exists);
        },
      ),
    );
    expect(normaliseDate('2023-02-29')).toMatchObject({ ok: false, reason: 'no such date 2023-02-29' });
    expect(normaliseDate('05/01/2024')).toMatchObject({ ok: false, raw: '05/01/2024' });
  });
});
