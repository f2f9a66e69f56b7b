import { describe, expect, it } from 'vitest';
import { compileDateFormat, isIanaZone, parseLocalIso, wallTimeProblem, wallTimeToIso } from './date-format.js';

const iso = (format: string, text: string, zone: string) => {
  const wall = compileDateFormat(format).parse(text);
  if (!wall) throw new Error(`no match: ${text}`);
  return wallTimeToIso(wall, zone);
};

describe('date formats and time zones', () => {
  it('reads day-first, month names, 12-hour clocks and fractions', () => {
    expect(iso('DD.MM.YYYY HH:mm:ss', '01.02.2025 09:15:02', 'UTC')).toBe('2025-02-01T09:15:02.000Z');
    expect(iso('D MMM YYYY h:mm A', '3 Feb 2025 1:05 PM', '+01:00')).toBe('2025-02-03T12:05:00.000Z');
    expect(iso('MM/DD/YY HH:mm:ss.SSS', '02/03/25 10:00:00.1234', 'UTC')).toBe('2025-02-03T10:00:00.123Z');
    expect(iso('YYYY-MM-DD HH:mm Z', '2025-02-03 10:00 +0530', 'Europe/Moscow')).toBe('2025-02-03T04:30:00.000Z');
  });

  it('applies an IANA zone with its daylight saving time at that date', () => {
    expect(iso('DD.MM.YYYY HH:mm', '15.01.2025 12:00', 'Europe/Berlin')).toBe('2025-01-15T11:00:00.000Z');
    expect(iso('DD.MM.YYYY HH:mm', '15.07.2025 12:00', 'Europe/Berlin')).toBe('2025-07-15T10:00:00.000Z');
    expect(iso('DD.MM.YYYY HH:mm', '15.07.2025 12:00', 'Europe/Moscow')).toBe('2025-07-15T09:00:00.000Z');
    // 02:30 happens twice on 26 Oct 2025 in Berlin: the earlier (summer time) is taken.
    expect(iso('DD.MM.YYYY HH:mm', '26.10.2025 02:30', 'Europe/Berlin')).toBe('2025-10-26T00:30:00.000Z');
    // 02:30 does not exist on 30 Mar 2025: read with the offset before the change, it lands after the gap.
    expect(iso('DD.MM.YYYY HH:mm', '30.03.2025 02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
  });

  it('refuses formats without a date, and values that do not match or cannot exist', () => {
    expect(() => compileDateFormat('HH:mm')).toThrow(/needs a year/);
    expect(() => compileDateFormat('DD.MM.YYYY hh:mm')).toThrow(/hh \(12-hour\) goes with A/);
    expect(compileDateFormat('DD.MM.YYYY').parse('2025-02-01')).toBeUndefined();
    expect(wallTimeProblem(compileDateFormat('DD.MM.YYYY').parse('29.02.2025')!)).toMatch(/no such date/);
    expect(parseLocalIso('2025-02-01 10:11')).toMatchObject({ hour: 10, minute: 11 });
    expect(isIanaZone('Europe/Moscow')).toBe(true);
    expect(isIanaZone('Mars/Olympus')).toBe(false);
  });
});
