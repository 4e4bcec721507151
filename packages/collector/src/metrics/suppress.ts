import type { Rate, Window } from './types.js';

/** A ratio, or null where the denominator is 0. */
export function ratio(numerator: number, denominator: number): Rate {
  return denominator > 0 ? numerator / denominator : null;
}

/** A window of eligible and active people, suppressed (every figure null) below `minGroupSize` eligible. */
export function windowOf(eligible: number, active: number, minGroupSize: number): Window {
  if (eligible < minGroupSize) return { eligible: null, active: null, rate: null, suppressed: true };
  return { eligible, active, rate: ratio(active, eligible), suppressed: false };
}

/** Reads a numeric column (PostgreSQL may return integers as strings). */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
