import type { Audience, Person } from './types.js';
import { unitHash } from './unit-hash.js';

/** Where a person stands for an item: shown it, in its control group (held out), or not in its audience. */
export type Assignment = 'treated' | 'held-out' | 'excluded';

const within = (list: string[] | undefined, value: string | undefined) =>
  list === undefined || (value !== undefined && list.includes(value));

/**
 * Assigns a person to an item: the lists (roles, teams, cohorts, programs) narrow; `sample` draws a
 * share; `holdout` keeps a share of the drawn as the control group. Both draws hash the user id with
 * the item id, so the assignment is the same on every device and in every session. With
 * `randomizeBy: 'team'` they hash the team trait instead, so a whole team shares one arm, and a
 * person without a team is excluded (a team of one would be a unit the analysis cannot place).
 */
export function assign(audience: Audience, person: Person, itemId: string): Assignment {
  if (!within(audience.roles, person.role) || !within(audience.teams, person.team)) return 'excluded';
  if (!within(audience.cohorts, person.cohort) || !within(audience.programs, person.program)) return 'excluded';
  const unit = audience.randomizeBy === 'team' ? person.team : person.userId;
  if (!unit || unitHash(`${itemId}\u0000sample\u0000${unit}`) >= audience.sample) return 'excluded';
  return unitHash(`${itemId}\u0000holdout\u0000${unit}`) < audience.holdout ? 'held-out' : 'treated';
}
