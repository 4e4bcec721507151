import type { CohortMetrics, ProgramMetrics, RetentionCell } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { decayFit } from './decay-fit.js';
import { windowFigures } from './groups.js';
import { activeBetween, identified, trainedPeople, type TrainedPerson } from './people.js';
import { sustained } from './population.js';

/**
 * Retention by week since training: in week k, members with trainedAt + 7k + 6 ≤ asOf are
 * eligible, and active with a usage event in trainedAt+7k … trainedAt+7k+6. Every week with an
 * eligible member is listed; a cell under `min` eligible is suppressed.
 */
export function retention(members: readonly TrainedPerson[], days: Map<string, Set<number>>, asOf: number, min: number): RetentionCell[] {
  const cells: RetentionCell[] = [];
  for (let k = 0; ; k++) {
    const eligible = members.filter((p) => p.trainedAt + 7 * k + 6 <= asOf);
    if (eligible.length === 0) return cells;
    const active = eligible.filter((p) => activeBetween(days, p.user, p.trainedAt + 7 * k, p.trainedAt + 7 * k + 6));
    cells.push({ week: k, ...windowFigures(eligible.length, active.length, min) });
  }
}

/** One group's size, retention and fit; a group under `min` people shows only its name. */
function group(members: readonly TrainedPerson[], days: Map<string, Set<number>>, asOf: number, min: number) {
  if (members.length < min) return { size: null, suppressed: true, retention: [], fit: null };
  const cells = retention(members, days, asOf, min);
  return { size: members.length, suppressed: false, retention: cells, fit: decayFit(cells) };
}

/** Cohorts in the order of their first training day, then by name. */
export function cohorts(trained: readonly TrainedPerson[], days: Map<string, Set<number>>, asOf: number, min: number): CohortMetrics[] {
  const names = [...new Set(trained.map((p) => p.cohort))];
  const firstDay = (c: string) => Math.min(...trained.filter((p) => p.cohort === c).map((p) => p.trainedAt));
  names.sort((a, b) => firstDay(a) - firstDay(b) || (a < b ? -1 : a > b ? 1 : 0));
  return names.map((cohort) => ({
    cohort,
    ...group(
      trained.filter((p) => p.cohort === cohort),
      days,
      asOf,
      min,
    ),
  }));
}

/**
 * Per program (the 20 with most people among those selected, then by name; only the filtered
 * program when there is one): its people with trainedAt = their first completion of it.
 */
export function programs(
  events: readonly StoredEvent[],
  selected: readonly TrainedPerson[],
  days: Map<string, Set<number>>,
  q: { asOf: number; program?: string; cohort?: string },
  min: number,
): ProgramMetrics[] {
  let names: string[];
  if (q.program !== undefined) names = [q.program];
  else {
    const who = new Set(selected.map((p) => p.user));
    const people = new Map<string, Set<string>>();
    for (const e of identified(events)) {
      const program = e.props['program'];
      if (e.name !== 'training.completed' || typeof program !== 'string' || !who.has(e.userId as string)) continue;
      people.set(program, (people.get(program) ?? new Set()).add(e.userId as string));
    }
    names = [...people.keys()]
      .sort((a, b) => (people.get(b) as Set<string>).size - (people.get(a) as Set<string>).size || (a < b ? -1 : 1))
      .slice(0, 20);
  }
  return names.map((program) => {
    const members = trainedPeople(events, program).filter((p) => q.cohort === undefined || p.cohort === q.cohort);
    const { size, suppressed, retention: cells, fit } = group(members, days, q.asOf, min);
    return { program, size, suppressed, sustained: sustained(members, days, q.asOf, min), retention: cells, fit };
  });
}
