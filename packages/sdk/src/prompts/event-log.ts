import type { LocalEvent } from '../rules/types.js';

/** At most this many events are kept per person and tool: triggers count a handful. */
const maxEvents = 200;

/** The events `event` triggers count, in this browser, across page loads. */
export interface EventLog {
  add(events: readonly LocalEvent[]): void;
  all(): LocalEvent[];
}

/**
 * Keeps the times of the events that `event` triggers watch, in `localStorage` under `key`, for
 * `keepMs`, so "two rejected outputs within a day" holds across reloads and tabs. Only names and
 * times are kept. Each write re-reads the stored list, so tabs add to it rather than overwrite it.
 * Without storage (blocked, full, private mode) it counts this page's events only.
 */
export function createEventLog(key: string, watched: ReadonlySet<string>, keepMs: number): EventLog {
  let memory: LocalEvent[] = [];
  const read = (): LocalEvent[] => {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      if (Array.isArray(stored)) return stored.filter((e): e is LocalEvent => typeof e?.name === 'string' && typeof e.at === 'number');
    } catch {
      // Unreadable or unavailable: the page's own events still count.
    }
    return memory;
  };
  return {
    add(events) {
      const fresh = events.filter((e) => watched.has(e.name)).map(({ name, at }) => ({ name, at }));
      if (fresh.length === 0) return;
      const since = Date.now() - keepMs;
      memory = [...read(), ...fresh].filter((e) => e.at >= since).slice(-maxEvents);
      try {
        localStorage.setItem(key, JSON.stringify(memory));
      } catch {
        // Kept in memory for this page.
      }
    },
    all: () => read().slice(),
  };
}
