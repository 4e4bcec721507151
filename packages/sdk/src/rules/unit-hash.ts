/**
 * A number in [0, 1) from a string, the same on every device and in every session: FNV-1a (32 bit)
 * with a final avalanche, so ids differing in one character land far apart. Assignment to a sample
 * or a holdout must be sticky per person and item, and needs no storage at all this way.
 */
export function unitHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // murmur3's finalizer: FNV-1a alone leaves the low bits of similar keys correlated.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x100000000;
}
