import { describe, expect, it } from 'vitest';
import { hasRight, leastRoleWith, RIGHTS, ROLE_RIGHTS, ROLES } from './rights.js';

describe('roles and rights', () => {
  it('each role holds every right of the roles before it', () => {
    for (let i = 1; i < ROLES.length; i++) {
      for (const right of ROLE_RIGHTS[ROLES[i - 1]!]) expect(ROLE_RIGHTS[ROLES[i]!].has(right)).toBe(true);
    }
  });
  it('admin holds every right; a viewer only reads, without personal fields', () => {
    expect([...ROLE_RIGHTS.admin].sort()).toEqual([...RIGHTS].sort());
    expect([...ROLE_RIGHTS.viewer]).toEqual(['graph:read']);
  });
  it('matches the issue: analysts query, loaders import, admins manage tokens, undo imports and read the audit', () => {
    expect(leastRoleWith('query:run')).toBe('analyst');
    expect(leastRoleWith('import:run')).toBe('loader');
    expect(leastRoleWith('import:undo')).toBe('admin');
    expect(leastRoleWith('tokens:manage')).toBe('admin');
    expect(hasRight('viewer', 'personal:read')).toBe(false);
  });
});
