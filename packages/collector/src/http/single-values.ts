import { HttpError } from './http-error.js';

/**
 * The named query parameters as single strings. A parameter given twice (`?userId=a&userId=b`)
 * arrives as an array, which string code would mishandle (an array has a `length` and a `slice`
 * too): it is refused with 400, so code after this line only ever sees a string or nothing.
 */
export function singleValues<K extends string>(query: Record<string, unknown>, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new HttpError(400, `${name}: expected one value`);
    out[name] = value;
  }
  return out;
}
