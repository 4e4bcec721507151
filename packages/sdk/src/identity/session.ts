import { readLocal, writeLocal } from './local-value.js';
import { newId } from './new-id.js';

/** A session ends after this long without an event. */
export const sessionIdleMs = 30 * 60 * 1000;

interface SessionRecord {
  id: string;
  /** Time of the session's latest event, ms since the epoch. */
  last: number;
}

const utcDay = (ms: number): number => Math.floor(ms / 86_400_000);

function read(): SessionRecord | undefined {
  try {
    const parsed = JSON.parse(readLocal('session') ?? 'null') as SessionRecord | null;
    return parsed && typeof parsed.id === 'string' && typeof parsed.last === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns a function giving the session id of an event at `now`. The session is shared by the tabs of
 * the origin through `localStorage` and renewed after 30 minutes idle or when a new UTC day starts.
 * The record is read and written at most once a second, so `track()` stays cheap.
 */
export function createSession(): (now: number) => string {
  let current: SessionRecord | undefined;
  return (now) => {
    if (!current || now - current.last >= 1000 || utcDay(now) !== utcDay(current.last)) {
      // Read again: another tab may have renewed or extended the session meanwhile.
      const stored = read() ?? current;
      const alive = stored && now - stored.last < sessionIdleMs && utcDay(now) === utcDay(stored.last);
      current = { id: alive ? stored.id : newId(), last: now };
      writeLocal('session', JSON.stringify(current));
    }
    return current.id;
  };
}
