/** Random bytes for the next 64 UUIDs, drawn at once. */
const pool = new Uint8Array(1024);
let used = pool.length;

/**
 * A random event id: a UUID (version 4) in secure contexts, where `crypto.randomUUID` exists, else 32
 * random hex digits from `getRandomValues` (a plain `http://` intranet host) or, failing that,
 * `Math.random`. A UUID's bytes come from `getRandomValues` too, 1 KiB at a time: `randomUUID` costs
 * the page a millisecond at its first call and a microsecond at each one after, for the same randomness.
 */
export function newId(): string {
  // Typed as always there; not so outside secure contexts, nor in old browsers.
  const c = globalThis.crypto as Partial<Crypto> | undefined;
  const uuid = Boolean(c?.randomUUID);
  let bytes = new Uint8Array(16);
  if (uuid && c?.getRandomValues) {
    if (used === pool.length) {
      c.getRandomValues(pool);
      used = 0;
    }
    bytes = pool.subarray(used, (used += 16));
  } else if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.random() * 256;
  if (!uuid) return hexOf(bytes);
  // RFC 9562: the version (4) in the high nibble of byte 6, the variant (0b10) in the high bits of byte 8.
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  return hexOf(bytes).replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

const hexOf = (bytes: Uint8Array): string => Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('');
