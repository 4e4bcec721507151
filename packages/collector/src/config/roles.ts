/** The roles a token may have (SPEC "Roles"); `adminToken` and the local sidecar token are `admin`. */
export const roles = ['viewer', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** What an endpoint asks of its caller's token. */
export const capabilities = ['readMetrics', 'readExact', 'export', 'editItems', 'import', 'erase', 'administer'] as const;
export type Capability = (typeof capabilities)[number];

/**
 * What each role may do: the one table every endpoint, the dashboard and the docs follow. Roles are
 * not a ladder (docs/DECISIONS.md): an editor changes prompts but cannot export, an analyst exports
 * but cannot edit. `readExact` is what an analyst may read because they can export the rows anyway:
 * exact figures, per-name counts (`/v1/stats`), survey text answers.
 */
export const roleCapabilities: Readonly<Record<Role, readonly Capability[]>> = {
  viewer: ['readMetrics'],
  analyst: ['readMetrics', 'readExact', 'export'],
  editor: ['readMetrics', 'editItems'],
  admin: capabilities,
};

/** Each capability as words, for a `403` and the dashboard ("exporting events needs …"). */
export const capabilityWords: Readonly<Record<Capability, string>> = {
  readMetrics: 'reading metrics',
  readExact: 'reading exact counts',
  export: 'exporting events',
  editItems: 'editing prompts and surveys',
  import: 'importing events and training',
  erase: 'erasing a person',
  administer: 'reading the audit log',
};

/** Whether `role` has `capability`. */
export function can(role: Role, capability: Capability): boolean {
  return roleCapabilities[role].includes(capability);
}

/** The roles that have `capability`, in the order of `roles`. */
export function rolesWith(capability: Capability): Role[] {
  return roles.filter((role) => can(role, capability));
}

/** "an analyst or admin token": who may do `capability`, as words. */
export function tokenNeeded(capability: Capability): string {
  const names: string[] = rolesWith(capability);
  const last = names.pop() ?? 'no';
  const list = names.length ? `${names.join(', ')} or ${last}` : last;
  return `${/^[aeiou]/.test(list) ? 'an' : 'a'} ${list} token`;
}
