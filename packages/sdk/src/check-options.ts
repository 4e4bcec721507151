import { toolMaxLength, writeKeyMaxLength } from './protocol/limits.js';
import type { UptakeOptions } from './types.js';

/** Returns what is wrong with the options of `init`, in words, or `undefined` when they are usable. */
export function checkOptions(options: unknown): string | undefined {
  const o = (options ?? {}) as Partial<UptakeOptions>;
  // Upper bounds of the write key and the tool id are the wire protocol's.
  for (const [key, max] of [
    ['collector', 2048],
    ['writeKey', writeKeyMaxLength],
    ['tool', toolMaxLength],
  ] as const) {
    const value = o[key];
    if (typeof value !== 'string' || !value || value.length > max) return `init: options.${key} must be a string of 1–${max} characters`;
  }
  const interval = o.flushInterval;
  if (interval !== undefined && !(interval >= 100)) return 'init: options.flushInterval must be at least 100 (ms)';
  try {
    new URL(o.collector as string, location.href);
  } catch {
    return `init: options.collector is not a URL: ${o.collector}`;
  }
  return undefined;
}
