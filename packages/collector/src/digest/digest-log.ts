import type { Store } from '../storage/store.js';

/** A line of the deliveries log: one digest for one scheduled slot. */
export interface DeliveryLine {
  name: string;
  /** The scheduled send day, `YYYY-MM-DD`. */
  slot: string;
  status: 'sending' | 'sent' | 'failed' | 'withheld';
  attempts: number;
  detail: string | null;
  claimedAt: Date;
  finishedAt: Date | null;
}

/** A claim older than this whose collector never finished (it stopped mid-way) may be taken over. */
const staleClaimMs = 60 * 60 * 1000;

/**
 * The deliveries log in the store. Collectors sharing a PostgreSQL all run the schedule; each
 * digest's slot is claimed by inserting its row, which one of them wins (the primary key), so each
 * digest goes out once.
 */
export class DigestLog {
  constructor(private readonly store: Store) {}

  /** Claims a digest's slot; false when another collector (or an earlier run) has it. */
  async claim(name: string, slot: string, now: Date): Promise<boolean> {
    const p = (n: number) => this.store.dialect.param(n);
    const inserted = await this.store.execute(
      `INSERT INTO digest_deliveries (name, slot, status, attempts, detail, claimed_at, finished_at)
       VALUES (${p(1)}, ${p(2)}, 'sending', 0, NULL, CAST(${p(3)} AS TIMESTAMPTZ), NULL) ON CONFLICT DO NOTHING RETURNING name`,
      [name, slot, now.toISOString()],
    );
    if (inserted.length > 0) return true;
    const taken = await this.store.execute(
      `UPDATE digest_deliveries SET claimed_at = CAST(${p(3)} AS TIMESTAMPTZ)
       WHERE name = ${p(1)} AND slot = ${p(2)} AND status = 'sending' AND claimed_at < CAST(${p(4)} AS TIMESTAMPTZ) RETURNING name`,
      [name, slot, now.toISOString(), new Date(now.getTime() - staleClaimMs).toISOString()],
    );
    return taken.length > 0;
  }

  async finish(
    name: string,
    slot: string,
    outcome: { status: DeliveryLine['status']; attempts: number; detail: string },
    now: Date,
  ): Promise<void> {
    const p = (n: number) => this.store.dialect.param(n);
    await this.store.execute(
      `UPDATE digest_deliveries SET status = ${p(3)}, attempts = ${p(4)}, detail = ${p(5)}, finished_at = CAST(${p(6)} AS TIMESTAMPTZ)
       WHERE name = ${p(1)} AND slot = ${p(2)}`,
      [name, slot, outcome.status, outcome.attempts, outcome.detail, now.toISOString()],
    );
  }

  /** The newest lines first. */
  async lines(limit = 100): Promise<DeliveryLine[]> {
    const rows = await this.store.query(
      `SELECT name, slot, status, attempts, detail, ${this.store.dialect.epochMs('claimed_at')} AS claimed_ms,
         ${this.store.dialect.epochMs('finished_at')} AS finished_ms FROM digest_deliveries
       ORDER BY claimed_at DESC, name LIMIT ${Math.max(1, Math.floor(limit))}`,
    );
    return rows.map((r) => ({
      name: String(r['name']),
      slot: String(r['slot']),
      status: String(r['status']) as DeliveryLine['status'],
      attempts: Number(r['attempts']),
      detail: r['detail'] === null ? null : String(r['detail']),
      claimedAt: new Date(Number(r['claimed_ms'])),
      finishedAt: r['finished_ms'] === null ? null : new Date(Number(r['finished_ms'])),
    }));
  }
}
