/** Who is signed in, as the host app knows it: a pseudonymous id and the traits Uptake reads. */
export interface SignedInUser {
  id: string;
  role: 'executive' | 'leader' | 'professional' | 'technical';
  team: string;
}

const key = 'assistant-demo-user';

/**
 * A real app has its own sign-in; this example makes up one employee per browser and keeps it in
 * localStorage, so reloads stay the same person.
 */
export function signedInUser(): SignedInUser {
  const stored = localStorage.getItem(key);
  if (stored) return JSON.parse(stored) as SignedInUser;
  const roles = ['executive', 'leader', 'professional', 'technical'] as const;
  const teams = ['finance', 'sales', 'operations', 'engineering'];
  const n = Math.floor(Math.random() * 1e6);
  const user: SignedInUser = { id: `u-${n}`, role: roles[n % 4]!, team: teams[Math.floor(n / 4) % 4]! };
  localStorage.setItem(key, JSON.stringify(user));
  return user;
}
