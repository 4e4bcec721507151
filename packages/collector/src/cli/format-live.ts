import type { LiveMessage } from '../http/live-message.js';

// C0 and C1 control characters (an ESC starts a terminal escape sequence, a CSI is one), DEL, and
// the bidirectional overrides that make text read other than it is stored: a prop's value is
// whatever a page sent, and must not move the reader's cursor or recolour their terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const unprintable = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text a terminal shows as it is: control and direction characters become `\u{…}` escapes. */
export function printable(text: string): string {
  return text.replace(unprintable, (c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`);
}

/** A JSON line whose text is printable too (still valid JSON: the same characters as `\u` escapes). */
export function printableJson(value: unknown): string {
  return JSON.stringify(value).replace(unprintable, (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`);
}

/** A prop's value as a word: strings as they are unless they need quotes, the rest as JSON. */
function propValue(value: unknown): string {
  if (typeof value === 'string' && /^[^\s"=]+$/.test(value)) return value;
  return JSON.stringify(value);
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB');

/** `person 3fa9c2` (identified), `anon 81be0f` (an anonymous id only), or `-`. */
function who(m: { person?: string; identified?: boolean }): string {
  if (m.person === undefined) return '-';
  return `${m.identified ? 'person' : 'anon'} ${m.person}`;
}

/**
 * A message of `GET /v1/live` as one line for people (`uptake tail`), or undefined for one that
 * says nothing about events (the stream's `hello`). Times are the tail's local clock at receipt.
 */
export function formatLive(m: LiveMessage): string | undefined {
  switch (m.type) {
    case 'accepted': {
      const props = Object.entries(m.props)
        .map(([key, value]) => `${key}=${propValue(value)}`)
        .join(' ');
      const note = m.note === undefined ? '' : `  (${m.note})`;
      return printable(`${clock(m.receivedAt)}  ${m.tool}  ${m.name}  ${who(m)}  ${props}${note}`.trimEnd());
    }
    case 'refused':
      return printable(`${clock(m.receivedAt)}  ${m.tool}  ${m.name ?? '(no name)'}  ${who(m)}  REFUSED events[${m.index}]: ${m.reason}`);
    case 'batch-refused': {
      const size = m.events === undefined ? '' : `, ${m.events} event${m.events === 1 ? '' : 's'}`;
      const key = m.writeKey === undefined ? '' : ` write key ${m.writeKey}`;
      const tools = m.tools.length ? m.tools.join(',') : '?';
      return printable(`${clock(m.receivedAt)}  ${tools}  BATCH REFUSED (${m.status}${size})${key}: ${m.reason}`);
    }
    case 'duplicates':
      return `${clock(m.receivedAt)}  ${printable(m.tool)}  ${m.count} event${m.count === 1 ? ' was' : 's were'} already stored (sent again): stored once`;
    case 'skipped':
      return `… ${m.count} event${m.count === 1 ? '' : 's'} skipped: this tail read too slowly`;
    case 'bye':
    case 'hello':
      return undefined;
  }
}
