/** Random bytes for the next 64 ids, drawn at once, and the `crypto` they were drawn from. */
const pool = new Uint8Array(1024);
let used = pool.length;
let source: unknown;
const hex = Array.from({ length: 256 }, (_, b) => (b + 256).toString(16).slice(1));

/**
 * A random event id: a UUID (version 4) in secure contexts, where `crypto.randomUUID` exists, else 32
 * random hex digits from `getRandomValues` (a plain `http://` intranet host) or, failing that,
 * `Math.random`. The bytes are drawn 1 KiB at a time, from `getRandomValues` for a UUID too:
 * `randomUUID` costs the page a millisecond at its first call and a microsecond at each one after,
 * for the same randomness. Each `track()` makes one, so it is built by table, without allocating.
 */
export function newId(): string {
  // Typed as always there; not so outside secure contexts, nor in old browsers.
  const c = globalThis.crypto as Partial<Crypto> | undefined;
  if (used === pool.length || source !== c) {
    if (c?.getRandomValues) c.getRandomValues(pool);
    else for (let i = 0; i < pool.length; i++) pool[i] = Math.random() * 256;
    source = c;
    used = 0;
  }
  const uuid = Boolean(c?.randomUUID);
  let id = '';
  for (let i = 0; i < 16; i++) {
    let b = pool[used++] as number;
    // RFC 9562: the version (4) in the high nibble of byte 6, the variant (0b10) in the high bits of byte 8.
    if (uuid && i === 6) b = (b & 0x0f) | 0x40;
    if (uuid && i === 8) b = (b & 0x3f) | 0x80;
    id += hex[b];
    if (uuid && (i === 3 || i === 5 || i === 7 || i === 9)) id += '-';
  }
  return id;
}
