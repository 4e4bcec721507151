import type { Store, StoredEvent } from '../storage/store.js';

/** When a group is written: at `maxEvents` pending events, or `maxDelayMs` after the first. */
export interface GroupCommitOptions {
  maxEvents: number;
  maxDelayMs: number;
}

export const defaultGroupCommit: GroupCommitOptions = { maxEvents: 5000, maxDelayMs: 2 };

interface Pending {
  rows: StoredEvent[];
  resolve: (inserted: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: events of concurrent requests share one transaction, so throughput does not cost
 * durability. Each `submit` resolves, after the commit, with how many of its events were new.
 * One group is written at a time; requests arriving meanwhile form the next group.
 */
export class GroupCommitter {
  private pending: Pending[] = [];
  private pendingEvents = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: GroupCommitOptions = defaultGroupCommit,
  ) {}

  /** Queues rows for the next group; resolves with the number newly stored once committed. */
  submit(rows: StoredEvent[]): Promise<number> {
    if (rows.length === 0) return Promise.resolve(0);
    return new Promise((resolve, reject) => {
      this.pending.push({ rows, resolve, reject });
      this.pendingEvents += rows.length;
      this.schedule();
    });
  }

  /** Resolves when everything submitted so far is written (or has failed). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.writing) {
      if (!this.writing) this.write();
      await this.writing;
    }
  }

  private schedule(): void {
    if (this.writing) return; // the write in flight starts the next group when it ends
    if (this.pendingEvents >= this.options.maxEvents) {
      this.write();
    } else {
      this.timer ??= setTimeout(() => this.write(), this.options.maxDelayMs);
    }
  }

  private write(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing || this.pending.length === 0) return;
    const group = this.pending;
    this.pending = [];
    this.pendingEvents = 0;
    this.writing = this.commit(group).finally(() => {
      this.writing = undefined;
      // Requests that arrived during the write have waited long enough: write them now.
      if (this.pending.length > 0) this.write();
    });
  }

  private async commit(group: Pending[]): Promise<void> {
    // An id sent by two requests of one group belongs to the first; the second sees a duplicate.
    const owner = new Map<string, Pending>();
    const rows: StoredEvent[] = [];
    for (const p of group) {
      for (const row of p.rows) {
        if (owner.has(row.id)) continue;
        owner.set(row.id, p);
        rows.push(row);
      }
    }
    try {
      const inserted = await this.store.insert(rows);
      const counts = new Map<Pending, number>();
      for (const id of inserted) {
        const p = owner.get(id) as Pending;
        counts.set(p, (counts.get(p) ?? 0) + 1);
      }
      for (const p of group) p.resolve(counts.get(p) ?? 0);
    } catch (error) {
      for (const p of group) p.reject(error);
    }
  }
}
