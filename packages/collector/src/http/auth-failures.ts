import { HttpError } from './http-error.js';

/** Failed authentications per client address before `429`, by default (SPEC "Roles"). */
export const defaultAuthFailuresPerMinute = 20;
/** Addresses tracked at once: past it the oldest windows are forgotten, so memory stays bounded under a spray of addresses. */
const maxTracked = 10_000;

/**
 * Counts failed authentications per client address in fixed one-minute windows, in memory only (no
 * address is stored). Past the limit, every authenticated request from that address gets `429`
 * with `Retry-After` until its window ends, whether its token is right or not: a guesser learns
 * nothing more by trying.
 */
export class AuthFailures {
  private readonly windows = new Map<string, { failures: number; endsAt: number }>();

  constructor(
    private readonly perMinute = defaultAuthFailuresPerMinute,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws `429` when `address` has failed too often in its current window. */
  check(address: string): void {
    const w = this.windows.get(address);
    if (!w) return;
    const left = w.endsAt - this.now();
    if (left <= 0) this.windows.delete(address);
    else if (w.failures >= this.perMinute) {
      const seconds = Math.ceil(left / 1000);
      throw new HttpError(429, `too many failed authentications from this address; retry in ${seconds} s`, {
        'Retry-After': String(seconds),
      });
    }
  }

  /** Counts one failed authentication from `address`. */
  fail(address: string): void {
    const now = this.now();
    let w = this.windows.get(address);
    if (!w || w.endsAt <= now) {
      this.windows.delete(address);
      if (this.windows.size >= maxTracked) this.windows.delete(this.windows.keys().next().value as string);
      w = { failures: 0, endsAt: now + 60_000 };
      this.windows.set(address, w);
    }
    w.failures++;
  }
}
