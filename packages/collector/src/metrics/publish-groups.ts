import { cellName, type Population } from './cell-name.js';
import { fitDecay } from './decay-fit.js';
import type { CohortCounts, HorizonCounts, ProgramCounts, RetentionCounts, SegmentCounts } from './metric-counts.js';
import { hiddenWindow, publishWindow } from './publish-window.js';
import type { Release } from './release.js';
import type { CohortMetrics, DecayFit, ProgramMetrics, RetentionCell, SegmentMetrics, Window } from './types.js';

const horizons = ['d30', 'd60', 'd90'] as const;

/** A breakdown as released: its entries, and how many groups were left out of it (hidden groups not listed). */
export interface Published<T> {
  list: T[];
  hidden: number;
}

/**
 * A breakdown with sustained usage: which rows are hidden (from their sizes), and in each column
 * (one per horizon, itself a breakdown) the windows of hidden rows and what `hide` adds.
 */
function hiddenRows(release: Release, sizes: readonly number[], rows: readonly HorizonCounts[]) {
  const hidden = release.hide(sizes);
  const byHorizon = Object.fromEntries(
    horizons.map((h) => [
      h,
      release.hide(
        rows.map((r) => r[h].eligible),
        hidden,
      ),
    ]),
  ) as Record<(typeof horizons)[number], boolean[]>;
  return { hidden, byHorizon };
}

/** Retention cells by week, each week a breakdown of the groups' cells: `hidden[g][i]` for `cells[g][i]`. */
function hiddenByWeek(release: Release, cells: readonly (readonly RetentionCounts[])[], groupHidden: readonly boolean[]): boolean[][] {
  const out = cells.map((list) => list.map(() => true));
  const weeks = new Map<number, { group: number; index: number; eligible: number }[]>();
  for (const [group, list] of cells.entries())
    for (const [index, c] of list.entries()) {
      const column = weeks.get(c.week) ?? [];
      column.push({ group, index, eligible: c.eligible });
      weeks.set(c.week, column);
    }
  for (const column of weeks.values()) {
    const hidden = release.hide(
      column.map((c) => c.eligible),
      column.map((c) => groupHidden[c.group] ?? false),
    );
    column.forEach((c, i) => {
      (out[c.group] as boolean[])[c.index] = hidden[i] ?? true;
    });
  }
  return out;
}

function retention(
  release: Release,
  cells: readonly RetentionCounts[],
  hidden: readonly boolean[],
  population: Population,
): RetentionCell[] {
  return cells.map((c, i) => ({ week: c.week, ...publishWindow(release, c, hidden[i] ?? true, population, 'week', c.week) }));
}

/** The decay fit over the released weeks k ≥ 1 (those with at least `minGroupSize` eligible). */
function fitOf(cells: readonly RetentionCell[]): DecayFit {
  return fitDecay(
    cells.filter((c) => c.week >= 1 && !c.suppressed).map((c) => ({ t: 7 * c.week, n: c.eligible as number, y: c.active as number })),
  );
}

/** The entries of a breakdown as released: a hidden group listed as `hiddenEntry` (exact) or left out and counted (viewer). */
function listed<C, T>(
  release: Release,
  list: readonly C[],
  hidden: readonly boolean[],
  shown: (c: C, i: number) => T,
  hiddenEntry: (c: C) => T,
): Published<T> {
  const out: T[] = [];
  for (const [i, c] of list.entries()) {
    if (!hidden[i]) out.push(shown(c, i));
    else if (release.listsHidden) out.push(hiddenEntry(c));
  }
  return { list: out, hidden: release.listsHidden ? 0 : hidden.filter(Boolean).length };
}

/** Cohorts with their retention by week; each week's cells are a breakdown of that week's eligible. */
export function publishCohorts(release: Release, list: readonly CohortCounts[], base: Population): Published<CohortMetrics> {
  const hidden = release.hide(list.map((c) => c.size));
  const cellHidden = hiddenByWeek(
    release,
    list.map((c) => c.cells),
    hidden,
  );
  return listed<CohortCounts, CohortMetrics>(
    release,
    list,
    hidden,
    (c, i) => {
      const population = { ...base, cohort: c.cohort };
      const cells = retention(release, c.cells, cellHidden[i] as boolean[], population);
      return {
        cohort: c.cohort,
        size: release.count(cellName('people', population), c.size),
        suppressed: false,
        retention: cells,
        fit: fitOf(cells),
      };
    },
    (c) => ({ cohort: c.cohort, size: null, suppressed: true, retention: [], fit: null }),
  );
}

/** Programs: size, sustained usage (each horizon a breakdown) and retention with its decay fit. */
export function publishPrograms(release: Release, list: readonly ProgramCounts[], base: Population): Published<ProgramMetrics> {
  const { hidden, byHorizon } = hiddenRows(
    release,
    list.map((p) => p.population.trained),
    list.map((p) => p.population.sustained),
  );
  return listed<ProgramCounts, ProgramMetrics>(
    release,
    list,
    hidden,
    (p, i) => {
      const population = { ...base, program: p.program };
      const window = (h: (typeof horizons)[number]): Window =>
        publishWindow(release, p.population.sustained[h], byHorizon[h][i] ?? true, population, h);
      const cells = retention(release, p.cells, release.hide(p.cells.map((c) => c.eligible)), population);
      return {
        program: p.program,
        size: release.count(cellName('people', population), p.population.trained),
        suppressed: false,
        sustained: { d30: window('d30'), d60: window('d60'), d90: window('d90') },
        retention: cells,
        fit: fitOf(cells),
      };
    },
    (p) => ({
      program: p.program,
      size: null,
      suppressed: true,
      sustained: { d30: { ...hiddenWindow }, d60: { ...hiddenWindow }, d90: { ...hiddenWindow } },
      retention: [],
      fit: null,
    }),
  );
}

/** Segments of one trait: size and sustained usage rates (each horizon a breakdown of the trained people's). */
export function publishSegments(
  release: Release,
  trait: 'role' | 'team',
  list: readonly SegmentCounts[],
  base: Population,
): Published<SegmentMetrics> {
  const { hidden, byHorizon } = hiddenRows(
    release,
    list.map((s) => s.users),
    list.map((s) => s.sustained),
  );
  return listed<SegmentCounts, SegmentMetrics>(
    release,
    list,
    hidden,
    (s, i) => {
      const population = { ...base, segment: { trait, key: s.key } };
      const rate = (h: (typeof horizons)[number]) => publishWindow(release, s.sustained[h], byHorizon[h][i] ?? true, population, h).rate;
      return {
        key: s.key,
        users: release.count(cellName('people', population), s.users),
        sustainedD30: rate('d30'),
        sustainedD60: rate('d60'),
        sustainedD90: rate('d90'),
        suppressed: false,
      };
    },
    (s) => ({ key: s.key, users: null, sustainedD30: null, sustainedD60: null, sustainedD90: null, suppressed: true }),
  );
}
