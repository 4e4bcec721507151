import type { CohortMetrics, DecayFit, Metrics, ProgramMetrics } from '../../src/metrics/types.js';
import { curve, fitPoints, logLikelihood, weightedR2, type Point } from './decay-fit.js';

/**
 * Tolerances. Counts, booleans, names and nulls must be equal. Rates, p75 and the Newcombe
 * interval: within 1e-9 (relative for large values). A decay fit is a maximum found by a search, so
 * it is held to what the definition asks: the same points and status, parameters within their
 * constraints, a log-likelihood within 0.05 of the reference's maximum (a likelihood ratio within
 * 5%: the real fault it was written for missed by 0.37, and a search that stops a hair short of a
 * nearly flat maximum differs by 0.01), and an r² that is the r² of the curve it reports. `flat` or
 * `ok` follows from the reported curve; its likelihood is what is judged.
 */
export const tolerance = { rate: 1e-9, logLikelihood: 0.05, r2: 1e-6 } as const;

const close = (a: number, b: number) => Math.abs(a - b) <= tolerance.rate * Math.max(1, Math.abs(b));

/** Differences between what a store answered and what the reference says, one line each; none when they agree. */
export function compareMetrics(actual: Metrics, expected: Metrics): string[] {
  const out: string[] = [];
  walk(actual, expected, '', out);
  return out;
}

function walk(actual: unknown, expected: unknown, path: string, out: string[]): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (!(Number.isInteger(expected) ? actual === expected : close(actual, expected)))
      out.push(`${path}: expected ${expected}, got ${actual}`);
    return;
  }
  if (expected === null || typeof expected !== 'object' || actual === null || typeof actual !== 'object') {
    if (actual !== expected) out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    return;
  }
  if (Array.isArray(expected) !== Array.isArray(actual))
    return void out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length)
      out.push(`${path}: expected ${expected.length} entries ${names(expected)}, got ${actual.length} ${names(actual)}`);
    for (const [i, e] of expected.entries()) if (i < actual.length) walk(actual[i], e, `${path}[${label(e, i)}]`, out);
    return;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
    // A cohort's or a program's fit is judged on the reference's retention cells.
    if (key === 'fit')
      compareFit(
        a[key] as DecayFit | null,
        e[key] as DecayFit | null,
        fitPoints((e as unknown as CohortMetrics | ProgramMetrics).retention),
        `${path}.fit`,
        out,
      );
    else walk(a[key], e[key], `${path}.${key}`, out);
  }
}

const label = (entry: unknown, i: number) => {
  if (entry === null || typeof entry !== 'object') return String(i);
  const o = entry as Record<string, unknown>;
  if ('key' in o) return String(o['key']);
  const name = o['cohort'] ?? o['program'] ?? o['id'] ?? o['week'] ?? (o['tool'] ? `${o['tool']}/${o['metric']}` : undefined);
  return name === undefined ? String(i) : String(name);
};
const names = (list: unknown[]) => JSON.stringify(list.map((x, i) => label(x, i)));

function compareFit(actual: DecayFit | null, expected: DecayFit | null, points: Point[], path: string, out: string[]): void {
  const say = (what: string): void =>
    void out.push(`${path}: ${what} (expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)})`);
  if (expected === null || actual === null || expected.status === 'insufficient-data') {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) say('differs');
    return;
  }
  if (actual.points !== expected.points) return say('not the same number of points');
  if (actual.status === 'insufficient-data') return say('status');
  const { initial: a, plateau: p } = actual as { initial: number; plateau: number };
  if (!(a >= 0 && p >= 0 && p <= a && a <= 1)) return say('outside 0 ≤ plateau ≤ initial ≤ 1');
  const allOrNone = points.every((pt) => pt.y === pt.n) || points.every((pt) => pt.y === 0);
  if (allOrNone) {
    if (
      actual.status !== 'flat' ||
      actual.halfLifeDays !== null ||
      !close(a, expected.initial as number) ||
      !close(p, expected.plateau as number)
    )
      say('everyone or no one active: flat at that level');
    return;
  }
  // A flat curve's τ does not matter to its likelihood (a ≈ p): any will do.
  const tau = actual.halfLifeDays === null ? 1 : actual.halfLifeDays / Math.LN2;
  const expectedTau = expected.halfLifeDays === null ? 1 : expected.halfLifeDays / Math.LN2;
  const got = logLikelihood(points, a, p, tau);
  const best = logLikelihood(points, expected.initial as number, expected.plateau as number, expectedTau);
  const likelihoods = `log-likelihood ${got}, the maximum ${best}, points ${JSON.stringify(points)}`;
  if (!(Math.abs(got - best) <= tolerance.logLikelihood)) return say(`not the maximum likelihood: ${likelihoods}`);
  if (actual.status === 'ok' && !(actual.halfLifeDays !== null && actual.halfLifeDays > 0 && Number.isFinite(actual.halfLifeDays)))
    return say('ok without a half-life');
  if (actual.status === 'flat' && actual.halfLifeDays !== null) return say('flat with a half-life');
  if (actual.status === 'ok') {
    const r2 = weightedR2(points, curve(a, p, tau));
    if (r2 === null ? actual.r2 !== null : actual.r2 === null || Math.abs(actual.r2 - r2) > tolerance.r2)
      say(`r2 is not that of the reported curve (${r2})`);
  }
}
