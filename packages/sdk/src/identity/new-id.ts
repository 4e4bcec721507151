/**
 * A random event id: a UUID where `crypto.randomUUID` exists (secure contexts only, so not on a plain
 * `http://` intranet host), else 32 random hex digits from `getRandomValues` or, failing that, `Math.random`.
 */
export function newId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.random() * 256;
  return Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('');
}
