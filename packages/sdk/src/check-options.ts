import type { UptakeOptions } from './types.js';

/** Returns what is wrong with the options of `init`, in words, or `undefined` when they are usable. */
export function checkOptions(options: unknown): string | undefined {
  if (!options || typeof options !== 'object') return 'init(options): expected an object with collector, writeKey and tool';
  const o = options as Partial<UptakeOptions>;
  for (const key of ['collector', 'writeKey', 'tool'] as const) {
    if (typeof o[key] !== 'string' || !o[key]) return `init(options): options.${key} must be a non-empty string`;
  }
  try {
    new URL(o.collector as string, globalThis.location?.href);
  } catch {
    return `init(options): options.collector is not a URL: ${String(o.collector)}`;
  }
  return undefined;
}
