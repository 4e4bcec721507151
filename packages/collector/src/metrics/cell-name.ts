/**
 * The people a figure is about: the request's filters, narrowed by the group of a breakdown (a
 * program's entry is the population of that program filter; a cohort's, of that cohort filter).
 */
export interface Population {
  tool?: string | undefined;
  program?: string | undefined;
  cohort?: string | undefined;
  /** A segment: people whose latest `role` or `team` trait is `key` (null: people without it). */
  segment?: { trait: 'role' | 'team'; key: string | null };
}

/**
 * Names a published count by what it counts and of whom, not by where it sits in the answer: the
 * same people and measure get the same name whichever way they are asked for (a program's entry
 * and that program filter, a cohort's row and that cohort filter), so a viewer's perturbation gives
 * them the same noise and asking twice yields nothing more.
 */
export function cellName(measure: string, population: Population, ...detail: (string | number)[]): string {
  const { tool = null, program = null, cohort = null, segment } = population;
  return JSON.stringify([measure, tool, program, cohort, segment?.trait ?? null, segment?.key ?? null, ...detail]);
}
