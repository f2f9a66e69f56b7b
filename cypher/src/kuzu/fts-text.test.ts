import { describe, expect, it } from 'vitest';
import { decodeFtsText, encodeFtsText, hasFtsWildcard } from './fts-text.js';

describe('full-text search text', () => {
  it('maps digits to Runic letters and back', () => {
    expect(decodeFtsText(encodeFtsText('+7 495 555-10-03'))).toBe('+7 495 555-10-03');
    expect(encodeFtsText('7495*')).not.toMatch(/[0-9]/);
  });

  it('tells a pattern (which must run on one thread) from plain terms', () => {
    for (const text of ['7495*', '*', 'vic?im', 'a b*']) expect(hasFtsWildcard(encodeFtsText(text)), text).toBe(true);
    for (const text of ['7495', 'anna schmidt', 'e-mail@x.org', '']) expect(hasFtsWildcard(text), text).toBe(false);
  });
});
