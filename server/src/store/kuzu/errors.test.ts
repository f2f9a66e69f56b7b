import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { mapKuzuError } from './errors.js';

describe('Kuzu errors as domain errors', () => {
  const map = (message: string) => mapKuzuError(new Error(message), '/data/db.kuzu');

  it('maps the engine messages of 0.11.3 to codes', () => {
    expect(
      map(
        'Cannot start a new write transaction in the system. Only one write transaction at a time is allowed in the system.',
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      retriable: true,
    });
    expect(map('Interrupted.')).toMatchObject({ code: 'TIMEOUT' });
    expect(
      map('Buffer manager exception: Unable to allocate memory! The buffer pool is full and no memory could be freed!'),
    ).toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
    expect(map('IO exception: Could not set lock on file : /data/db.kuzu\nSee the docs')).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'embedded database /data/db.kuzu is locked by another process (is a Ringtrace server running on it?)',
    });
  });

  it('keeps domain errors and reports anything else as INTERNAL on one line', () => {
    const domain = new DomainError('NOT_FOUND', 'x');
    expect(mapKuzuError(domain, 'p')).toBe(domain);
    expect(map('Binder exception: something\nmore')).toMatchObject({
      code: 'INTERNAL',
      message: 'embedded database error: Binder exception: something',
    });
  });
});
