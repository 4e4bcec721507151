import type { Store, StoredEvent } from '../storage/store.js';

/** When a group is written: at `maxEvents` pending events, or `maxDelayMs` after the first. */
export interface GroupCommitOptions {
  maxEvents: number;
  maxDelayMs: number;
}

export const defaultGroupCommit: GroupCommitOptions = { maxEvents: 5000, maxDelayMs: 2 };

/** What a capped submission came to: how many of its events were new, and the ids refused by the daily cap. */
export interface Committed {
  inserted: number;
  refused: string[];
}

interface Pending {
  rows: StoredEvent[];
  /** Whether the per-person daily cap may refuse these rows (a batch's), or they only count towards it (an import's). */
  capped: boolean;
  resolve: (committed: Committed) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: events of concurrent requests share one transaction, so throughput does not cost
 * durability. Each `submit` resolves, after the commit, with how many of its events were new.
 * Up to the store's `concurrentWrites` groups are written at a time (one on DuckDB, a few
 * transactions at once on PostgreSQL); requests arriving meanwhile form the next group. The store holds
 * the group to `perPersonDay` events per person and UTC day in that transaction, in the order the
 * requests came (`submitCapped`).
 */
export class GroupCommitter {
  private pending: Pending[] = [];
  private pendingEvents = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly options: GroupCommitOptions = defaultGroupCommit,
    private readonly perPersonDay = Number.POSITIVE_INFINITY,
  ) {}

  /** Queues rows the cap never refuses (imported facts) for the next group; resolves with the number newly stored once committed. */
  async submit(rows: StoredEvent[]): Promise<number> {
    return (await this.enqueue(rows, false)).inserted;
  }

  /** Queues a batch's rows for the next group; resolves once committed with the number newly stored and the ids past the daily cap. */
  submitCapped(rows: StoredEvent[]): Promise<Committed> {
    return this.enqueue(rows, true);
  }

  private enqueue(rows: StoredEvent[], capped: boolean): Promise<Committed> {
    if (rows.length === 0) return Promise.resolve({ inserted: 0, refused: [] });
    return new Promise((resolve, reject) => {
      this.pending.push({ rows, capped, resolve, reject });
      this.pendingEvents += rows.length;
      this.schedule();
    });
  }

  /** Resolves when everything submitted so far is written (or has failed). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.writing.size > 0) {
      this.write();
      await Promise.race(this.writing);
    }
  }

  private schedule(): void {
    if (this.writing.size >= this.store.concurrentWrites) return; // a write in flight starts the next group when it ends
    if (this.pendingEvents >= this.options.maxEvents) {
      this.write();
    } else {
      this.timer ??= setTimeout(() => this.write(), this.options.maxDelayMs);
    }
  }

  private write(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing.size >= this.store.concurrentWrites || this.pending.length === 0) return;
    const group = this.pending;
    this.pending = [];
    this.pendingEvents = 0;
    const written: Promise<void> = this.commit(group).finally(() => {
      this.writing.delete(written);
      // Requests that arrived during the write have waited long enough: write them now.
      if (this.pending.length > 0) this.write();
    });
    this.writing.add(written);
  }

  private async commit(group: Pending[]): Promise<void> {
    // An id sent by two requests of one group belongs to the first; the second sees a duplicate.
    const owner = new Map<string, Pending>();
    const rows: StoredEvent[] = [];
    const exempt = new Set<string>();
    for (const p of group) {
      for (const row of p.rows) {
        if (owner.has(row.id)) continue;
        owner.set(row.id, p);
        rows.push(row);
        if (!p.capped) exempt.add(row.id);
      }
    }
    try {
      const { inserted, refused } = await this.store.insertCapped(rows, this.perPersonDay, exempt);
      const committed = new Map<Pending, Committed>(group.map((p) => [p, { inserted: 0, refused: [] }]));
      for (const id of inserted) (committed.get(owner.get(id) as Pending) as Committed).inserted++;
      for (const id of refused) (committed.get(owner.get(id) as Pending) as Committed).refused.push(id);
      for (const p of group) p.resolve(committed.get(p) as Committed);
    } catch (error) {
      for (const p of group) p.reject(error);
    }
  }
}
