import type { Props } from '@uptake/sdk';

/** The first instant both stores can hold: PostgreSQL has no year 0 (`0000-01-01T…` is refused). */
export const earliestTs = Date.parse('0001-01-01T00:00:00Z');

// Checked first on every string, so the common case (plain text) costs one regex test.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for (PostgreSQL refuses it in text).
const suspicious = /[\u0000\uD800-\uDFFF]/;
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with every unpaired UTF-16 surrogate replaced by U+FFFD, as a UTF-8 encoder does. Valid
 * JSON may carry them (`"\ud83d"`), and a client that cuts a string at a fixed length can split an
 * emoji into one; neither DuckDB nor PostgreSQL stores them, and a batch that cannot be stored
 * would be answered 503 and retried forever.
 */
export function wellFormed(text: string): string {
  return suspicious.test(text) ? text.replace(unpairedSurrogate, '\uFFFD') : text;
}

/** Props with their keys and string values made well-formed. */
export function wellFormedProps(props: Props): Props {
  let changed = false;
  const out: Props = {};
  for (const [key, value] of Object.entries(props)) {
    const k = wellFormed(key);
    const v = typeof value === 'string' ? wellFormed(value) : value;
    if (k !== key || v !== value) changed = true;
    // defineProperty, not assignment: a key is data, whatever its name.
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return changed ? out : props;
}

/**
 * Names the first field of an event that holds a NUL character (U+0000): PostgreSQL's text and
 * jsonb cannot hold one, so such an event is rejected on every store alike, with the field named.
 */
export function nulField(fields: Record<string, string | undefined>, props: Props): string | undefined {
  for (const [field, text] of Object.entries(fields)) if (text?.includes('\u0000')) return field;
  for (const [key, value] of Object.entries(props)) {
    if (key.includes('\u0000')) return 'props';
    if (typeof value === 'string' && value.includes('\u0000')) return `props.${key}`;
  }
  return undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
const control = /[\u0001-\u001F\u007F]/;

/**
 * Names the first id field holding a C0 control character or DEL, and that character as `U+00XX`.
 * An id is a name, not text: a line break or escape in one would split a CSV row or a log line
 * downstream, and no real id holds one. NUL is left to `nulField`, which says why it cannot be stored.
 */
export function controlInId(ids: Record<string, string | undefined>): { field: string; char: string } | undefined {
  for (const [field, text] of Object.entries(ids)) {
    const found = text === undefined ? null : control.exec(text);
    if (found) return { field, char: `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
  }
  return undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what this looks for.
const unusual = /[\u0000-\u001F\u007F\uD800-\uDFFF]/;

/**
 * Whether no id, tool, prop key or string prop value of an event holds a character any check of
 * this file looks for (NUL, control characters, surrogates): then none of them need run, and the
 * event is stored as it came. One regex test per string, no allocation: the common case.
 */
export function plainText(e: { userId?: string; anonymousId?: string; sessionId?: string; tool: string; props: Props }): boolean {
  if (unusual.test(e.tool)) return false;
  if (e.userId !== undefined && unusual.test(e.userId)) return false;
  if (e.anonymousId !== undefined && unusual.test(e.anonymousId)) return false;
  if (e.sessionId !== undefined && unusual.test(e.sessionId)) return false;
  for (const key in e.props) {
    if (unusual.test(key)) return false;
    const value = e.props[key];
    if (typeof value === 'string' && unusual.test(value)) return false;
  }
  return true;
}

/**
 * Whether a raw event's props carry an own `__proto__` key. The protocol schema refuses the
 * prototype keys, but its record parsing drops `__proto__` silently instead of failing; the event
 * would be stored without it while `constructor` is refused. Checked on the raw JSON, where
 * JSON.parse left it an own property.
 */
export function hasProtoKey(raw: unknown): boolean {
  const props = (raw as { props?: unknown } | null)?.props;
  return typeof props === 'object' && props !== null && Object.hasOwn(props, '__proto__');
}
