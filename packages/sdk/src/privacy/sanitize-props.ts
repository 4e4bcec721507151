import { forbiddenPropKeys, propKeyMaxLength, propStringMaxLength, propsMaxKeys } from '../protocol/limits.js';
import type { Props, PropValue } from '../types.js';

// An e-mail address, or a run of 9+ digits (card, account and phone numbers); separators allowed inside the run.
const sensitive = /[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}|\d(?:[ -]?\d){8,}/g;

/**
 * Redacts e-mail addresses and long digit runs in a string, then cuts it to `max` UTF-16 units (256),
 * never between the two halves of a character outside the BMP (an emoji), which no store can keep.
 */
export function redact(value: string, max: number = propStringMaxLength): string {
  const cut = value.replace(sensitive, '[redacted]').slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Returns props the collector accepts: at most 32 keys, strings redacted and cut, non-finite numbers
 * and values of other types (objects, functions) dropped rather than sent to be rejected. `warn`
 * hears about each thing dropped.
 */
export function sanitizeProps(props: unknown, warn?: (message: string) => void): Props {
  const out: Props = {};
  if (props === undefined || props === null) return out;
  if (typeof props !== 'object') {
    warn?.('props must be an object');
    return out;
  }
  let n = 0;
  for (const key of Object.keys(props)) {
    const value = (props as Record<string, unknown>)[key];
    let clean: PropValue | undefined;
    if (typeof value === 'string') clean = redact(value);
    else if (typeof value === 'number') clean = Number.isFinite(value) ? value : undefined;
    else if (typeof value === 'boolean' || value === null) clean = value;
    if (clean === undefined || n >= propsMaxKeys || forbiddenPropKeys.includes(key) || !key || key.length > propKeyMaxLength) {
      if (value !== undefined)
        warn?.(`props.${key.slice(0, propKeyMaxLength)} dropped: ${propsMaxKeys} keys at most, values string, number, boolean or null`);
      continue;
    }
    out[key] = clean;
    n++;
  }
  return out;
}
