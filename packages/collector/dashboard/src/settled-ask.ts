/** What an ask of the collector has come to: not asked yet, being asked, answered, or refused with words. */
export type Asked<T> = { state: 'idle' } | { state: 'waiting' } | { state: 'done'; answer: T } | { state: 'failed'; message: string };

/** How long what an ask depends on must stay unchanged before it is asked again. */
export const settleMs = 600;

/**
 * An ask of the collector that follows a form as it is typed (the reach estimate, the power plan):
 * asked again only once its key (the part of the draft it depends on) has stayed the same for
 * `settleMs`, and an answer to an older key is dropped, so a slow answer never overwrites a newer one.
 */
export class SettledAsk<T> {
  private key = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly tell: (asked: Asked<T>) => void) {}

  ask(key: string, work: () => Promise<T>): void {
    if (key === this.key) return;
    this.key = key;
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      this.tell({ state: 'waiting' });
      try {
        const answer = await work();
        if (key === this.key) this.tell({ state: 'done', answer });
      } catch (error) {
        if (key === this.key) this.tell({ state: 'failed', message: (error as Error).message });
      }
    }, settleMs);
  }

  /** Drops a pending ask (the element left the page). */
  stop(): void {
    clearTimeout(this.timer);
  }
}
