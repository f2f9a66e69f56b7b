import { describe, expect, it } from 'vitest';
import { entityHash, parseRoute, viewHash } from './routes';

describe('routes', () => {
  it('round-trips an entity id with characters a URL escapes', () => {
    const id = 'phone:+74955551003';
    expect(parseRoute(entityHash(id))).toEqual({ type: 'entity', id });
    expect(parseRoute('#/entity/wallet%3Aeth%3A0xabc')).toEqual({ type: 'entity', id: 'wallet:eth:0xabc' });
  });

  it('reads a view and ignores anything else', () => {
    expect(parseRoute(viewHash('N4Ig'))).toEqual({ type: 'view', encoded: 'N4Ig' });
    expect(parseRoute('')).toEqual({ type: 'none' });
    expect(parseRoute('#/elsewhere')).toEqual({ type: 'none' });
    expect(parseRoute('#view=')).toEqual({ type: 'none' });
    expect(parseRoute('#/entity/%E0%A4%A')).toEqual({ type: 'entity', id: '%E0%A4%A' });
  });
});
