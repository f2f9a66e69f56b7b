import { describe, expect, it } from 'vitest';
import { can, lacking } from './rights';

const viewer = { role: 'viewer', rights: ['graph:read'] };
const analyst = { role: 'analyst', rights: ['graph:read', 'personal:read', 'graph:edit', 'query:run'] };

describe('rights of the signed-in role', () => {
  it('reads them from me.rights', () => {
    expect(can(viewer, 'query:run')).toBe(false);
    expect(can(analyst, 'query:run')).toBe(true);
  });

  it('names the right and the role when one is missing', () => {
    expect(lacking(viewer, 'query:run', 'Queries')).toBe(
      'Queries need the right “query:run”, which your role (viewer) does not have.',
    );
    expect(lacking(analyst, 'query:run', 'Queries')).toBeUndefined();
  });
});
