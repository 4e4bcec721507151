/** A list kept in `localStorage` that the tabs of an origin add to. */
export interface LocalList<T> {
  add(items: readonly T[]): void;
  /** The entries, oldest first. Do not change the array: it is the list's own until the next change. */
  all(): readonly T[];
  /** Changes whenever `all()` has: this tab added, or another tab wrote the list. Read it after `all()`. */
  version(): number;
  /** Changes whenever the stored list was read and found changed: another tab wrote it (or it was read first). */
  reads(): number;
  /** Writes what `add` deferred now (a deferred list writes at the latest after `writeDelayMs`). */
  flush(): void;
  /** Writes what is deferred and stops listening to the other tabs. */
  stop(): void;
}

/**
 * Keeps entries with a time `at` (ms) in `localStorage` under `key` for `keepMs`, at most `max` of
 * them. Reads are served from memory: the prompts runtime reads after every host event, and parsing
 * the stored list each time cost more than the rest of its work; a `storage` event (another tab
 * wrote) makes the next read parse again. Each write re-reads the stored list first, so tabs add to
 * it rather than overwrite it. With `writeDelayMs`, writes are gathered: at most one per
 * `writeDelayMs`, and at once on `flush()`, `stop()` and when the page is hidden or left (a
 * `setItem` of the list costs the page tens of microseconds). Without storage (blocked, full,
 * private mode) it holds this page's entries only.
 */
export function createLocalList<T extends { at: number }>(
  key: string,
  keepMs: number,
  max: number,
  valid: (x: unknown) => x is T,
  writeDelayMs = 0,
): LocalList<T> {
  /** The stored text last read or written here; `undefined` once another tab may have changed it. */
  let text: string | null | undefined;
  let stored: T[] = [];
  /** Added here, not written yet. */
  let pending: T[] = [];
  /** What `all()` returns: the stored entries and the pending ones, trimmed as a write would. */
  let view: T[] = [];
  /** Whether `view` is its own array (not `stored`), so that `add` may append to it. */
  let own = false;
  /** The earliest `at` in `view`: trimming is needed only once it is too old, or `view` too long. */
  let oldest = Infinity;
  let version = 0;
  let reads = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const trim = (list: T[]): T[] => {
    const since = Date.now() - keepMs;
    return list.filter((e) => e.at >= since).slice(-max);
  };
  const show = (list: T[], isOwn: boolean): void => {
    view = list;
    own = isOwn;
    oldest = Math.min(...list.map((e) => e.at));
    version++;
  };
  /** Reads the stored list again if its text changed; unreadable or unavailable storage keeps what is in memory. */
  const read = (): void => {
    try {
      const now = localStorage.getItem(key);
      if (now === text) return;
      text = now;
      reads++;
      const parsed: unknown = JSON.parse(now ?? '[]');
      if (Array.isArray(parsed)) stored = parsed.filter(valid);
    } catch {
      // Unavailable: read no more; the page's own entries still count.
      text ??= null;
    }
    if (pending.length) show(trim([...stored, ...pending]), true);
    else show(stored, false);
  };
  const write = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return;
    read();
    stored = trim([...stored, ...pending]);
    pending = [];
    show(stored, false);
    try {
      text = JSON.stringify(stored);
      localStorage.setItem(key, text);
    } catch {
      // Kept in memory for this page.
    }
  };
  const onStorage = (e: StorageEvent): void => {
    if (e.key === key || e.key === null) text = undefined;
  };
  const onHide = (): void => void (document.visibilityState === 'hidden' && write());
  addEventListener('storage', onStorage);
  addEventListener('pagehide', write);
  addEventListener('visibilitychange', onHide);

  return {
    add(items) {
      if (items.length === 0) return;
      if (text === undefined) read();
      pending.push(...items);
      if (!own) show(view.slice(), true);
      for (const item of items) {
        view.push(item);
        oldest = Math.min(oldest, item.at);
      }
      // Appended in place, so that a busy page copies nothing: past `max` the first go, as `trim` would
      // drop them; `oldest` then stays a lower bound, which at worst trims once more than needed.
      if (oldest < Date.now() - keepMs) show(trim(view), true);
      else {
        while (view.length > max) view.shift();
        version++;
      }
      if (!writeDelayMs) write();
      else timer ??= setTimeout(write, writeDelayMs);
    },
    all() {
      if (text === undefined) read();
      return view;
    },
    version: () => version,
    reads: () => reads,
    flush: write,
    stop() {
      write();
      removeEventListener('storage', onStorage);
      removeEventListener('pagehide', write);
      removeEventListener('visibilitychange', onHide);
    },
  };
}
