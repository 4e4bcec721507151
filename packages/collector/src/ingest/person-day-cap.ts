import type { Store, StoredEvent } from '../storage/store.js';

/** Events one person may send per UTC day by default (SPEC "Facts come from their source"). */
export const defaultMaxEventsPerPersonPerDay = 5000;

/**
 * A person's events past `perDay` on one UTC day are refused. What is stored comes from the store's
 * person-day counts, what is on its way from this process's own count of rows submitted and not yet
 * committed, so concurrent batches of one person cannot pass the cap together. Collectors sharing a
 * PostgreSQL each count their own in-flight rows: together they may pass it by what is in flight.
 */
export class PersonDayCap {
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly perDay: number,
  ) {}

  /**
   * Splits `rows` into those within the cap and the positions of those past it; call `done` with
   * what `admit` returned once the kept rows are committed (or failed).
   */
  async admit(rows: readonly StoredEvent[]): Promise<{ kept: StoredEvent[]; refused: number[]; done: () => void }> {
    const keys = rows.map((row) => (row.userId === null ? undefined : `${row.userId}\u0000${row.ts.toISOString().slice(0, 10)}`));
    const distinct = [...new Set(keys.filter((k): k is string => k !== undefined))];
    const stored = await Promise.all(
      distinct.map((key) => {
        const [userId, day] = key.split('\u0000') as [string, string];
        return this.store.personDayEvents(userId, day);
      }),
    );
    const room = new Map(distinct.map((key, i) => [key, this.perDay - (stored[i] ?? 0) - (this.inFlight.get(key) ?? 0)]));
    const kept: StoredEvent[] = [];
    const refused: number[] = [];
    const taken = new Map<string, number>();
    for (const [i, row] of rows.entries()) {
      const key = keys[i];
      const left = key === undefined ? 1 : (room.get(key) ?? 0);
      if (left <= 0) {
        refused.push(i);
        continue;
      }
      if (key !== undefined) {
        room.set(key, left - 1);
        taken.set(key, (taken.get(key) ?? 0) + 1);
      }
      kept.push(row);
    }
    for (const [key, n] of taken) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + n);
    const done = () => {
      for (const [key, n] of taken) {
        const left = (this.inFlight.get(key) ?? 0) - n;
        if (left > 0) this.inFlight.set(key, left);
        else this.inFlight.delete(key);
      }
    };
    return { kept, refused, done };
  }
}
