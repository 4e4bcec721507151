import { describe, expect, it } from 'vitest';
import { can, capabilities, roleCapabilities, roles, rolesWith, tokenNeeded } from '../../src/config/roles.js';

describe('roles and capabilities', () => {
  it('are not a ladder: an editor edits but does not export, an analyst exports but does not edit (SPEC "Roles")', () => {
    expect(roleCapabilities).toEqual({
      viewer: ['readMetrics'],
      analyst: ['readMetrics', 'readExact', 'export'],
      editor: ['readMetrics', 'editItems'],
      admin: capabilities,
    });
    expect(can('editor', 'export')).toBe(false);
    expect(can('analyst', 'editItems')).toBe(false);
    for (const capability of capabilities) expect(can('admin', capability)).toBe(true);
    for (const role of roles) expect(can(role, 'readMetrics')).toBe(true);
  });

  it('say who may do a thing, in words', () => {
    expect(rolesWith('export')).toEqual(['analyst', 'admin']);
    expect(tokenNeeded('readMetrics')).toBe('a viewer, analyst, editor or admin token');
    expect(tokenNeeded('export')).toBe('an analyst or admin token');
    expect(tokenNeeded('editItems')).toBe('an editor or admin token');
    expect(tokenNeeded('erase')).toBe('an admin token');
  });
});
