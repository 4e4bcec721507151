import { limits, type WireEvent } from '@uptake/sdk/protocol';

// The happy path of `eventSchema` (the wire protocol's zod schema), written out by hand: each event
// of each batch passes it, and zod's generic walk costs several microseconds an event. It accepts
// only what the schema accepts and gives what the schema gives; anything it is not sure of (an
// invalid event, an unusual but valid one) goes to zod, which decides and words the error.
// test/ingest/fast-event.test.ts holds the two together on generated events.

const { idPattern, namePattern } = limits;
const forbiddenKeys = new Set(limits.forbiddenPropKeys);
/** `Date.toISOString()` output (what the SDK sends), fields in range. Other ISO forms zod accepts go to zod. */
const canonicalInstant = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `ts` is a canonical instant on a day its month has (2026-02-29 is not: zod refuses it). */
function canonicalDay(ts: string): boolean {
  const parts = canonicalInstant.exec(ts);
  if (parts === null) return false;
  const day = Number(parts[3]);
  if (day <= 28) return true;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (monthDays[month - 1] as number) + (leap ? 1 : 0);
}

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length >= 1 && value.length <= max;
const optionalText = (value: unknown, max: number) => value === undefined || isText(value, max);

function plainProps(props: unknown, name: string): props is WireEvent['props'] {
  if (typeof props !== 'object' || props === null || Array.isArray(props) || Object.getPrototypeOf(props) !== Object.prototype)
    return false;
  // An own __proto__ (JSON.parse makes one) is dropped by zod's record: zod's case, not this one.
  if (Object.hasOwn(props, '__proto__')) return false;
  let keys = 0;
  for (const key in props) {
    if (!Object.hasOwn(props, key)) return false;
    if (++keys > limits.propsMaxKeys || key.length > limits.propKeyMaxLength || key.length === 0 || forbiddenKeys.has(key)) return false;
    const value = (props as Record<string, unknown>)[key];
    if (typeof value === 'string') {
      const max = name === 'survey.answered' && key === 'value' ? limits.surveyValueMaxLength : limits.propStringMaxLength;
      if (value.length > max) return false;
    } else if (!(value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))) {
      return false;
    }
  }
  return true;
}

/**
 * The event as `eventSchema.parse` would give it, when `raw` is a plain valid event in the SDK's
 * shape; undefined otherwise (then ask zod). Props are the given object itself, not a copy.
 */
export function fastEvent(raw: unknown): WireEvent | undefined {
  if (typeof raw !== 'object' || raw === null || Object.getPrototypeOf(raw) !== Object.prototype) return undefined;
  const e = raw as Record<string, unknown>;
  const { id, name, ts, userId, anonymousId, sessionId, tool } = e;
  const props = e['props'] === undefined ? {} : e['props'];
  if (typeof id !== 'string' || !idPattern.test(id)) return undefined;
  if (!isText(name, limits.nameMaxLength) || !namePattern.test(name)) return undefined;
  if (typeof ts !== 'string' || !canonicalDay(ts)) return undefined;
  if (!optionalText(userId, limits.userIdMaxLength) || !optionalText(anonymousId, limits.userIdMaxLength)) return undefined;
  if (userId === undefined && anonymousId === undefined) return undefined;
  if (!optionalText(sessionId, limits.userIdMaxLength) || !isText(tool, limits.toolMaxLength)) return undefined;
  if (!plainProps(props, name)) return undefined;
  const event: WireEvent = { id, name, ts, tool, props };
  if (userId !== undefined) event.userId = userId as string;
  if (anonymousId !== undefined) event.anonymousId = anonymousId as string;
  if (sessionId !== undefined) event.sessionId = sessionId as string;
  return event;
}
