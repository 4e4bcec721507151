/** A list kept in `localStorage` that the tabs of an origin add to. */
export interface LocalList<T> {
  add(items: readonly T[]): void;
  all(): T[];
}

/**
 * Keeps entries with a time `at` (ms) in `localStorage` under `key` for `keepMs`, at most `max` of
 * them. Each write re-reads the stored list, so tabs add to it rather than overwrite it. Without
 * storage (blocked, full, private mode) it holds this page's entries only.
 */
export function createLocalList<T extends { at: number }>(
  key: string,
  keepMs: number,
  max: number,
  valid: (x: unknown) => x is T,
): LocalList<T> {
  let memory: T[] = [];
  const read = (): T[] => {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      if (Array.isArray(stored)) return stored.filter(valid);
    } catch {
      // Unreadable or unavailable: the page's own entries still count.
    }
    return memory;
  };
  return {
    add(items) {
      if (items.length === 0) return;
      const since = Date.now() - keepMs;
      memory = [...read(), ...items].filter((e) => e.at >= since).slice(-max);
      try {
        localStorage.setItem(key, JSON.stringify(memory));
      } catch {
        // Kept in memory for this page.
      }
    },
    all: () => read().slice(),
  };
}
