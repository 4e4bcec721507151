import { cellName, type Population } from './cell-name.js';
import type { Release } from './release.js';
import type { MinutesCounts, TimeSavedCounts, TimeSavedGroupCounts, TimeSavedMethod } from './time-saved.js';
import type { TimeSavedFigure, TimeSavedGroup, TimeSavedMetrics } from './types.js';

/** Hours to a tenth, from minutes. */
const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

function figure(release: Release, method: TimeSavedMethod, c: MinutesCounts, hidden: boolean, population: Population): TimeSavedFigure {
  if (hidden) return { method, people: null, hours: null, hoursPerPerson: null, suppressed: true };
  const people = release.count(cellName('time-saved-people', population, method), c.people);
  const minutes = release.magnitude(cellName('time-saved-minutes', population, method), c.minutes, c.people);
  return { method, people, hours: hoursOf(minutes), hoursPerPerson: people > 0 ? hoursOf(minutes / people) : null, suppressed: false };
}

/**
 * A breakdown of time saved (programs, roles or teams): each method's column is a breakdown of the
 * people behind it, hidden under `minGroupSize` (for a viewer, with secondary suppression); a group
 * with both figures hidden is left out of a viewer's list and counted.
 */
function groups(
  release: Release,
  list: readonly TimeSavedGroupCounts[],
  population: (key: string | null) => Population,
): { list: TimeSavedGroup[]; hidden: number } {
  const perTask = release.hide(list.map((g) => g.perTask.people));
  const selfReported = release.hide(list.map((g) => g.selfReported.people));
  const out: TimeSavedGroup[] = [];
  let hidden = 0;
  list.forEach((g, i) => {
    const [t, s] = [perTask[i] ?? true, selfReported[i] ?? true];
    if (t && s && !release.listsHidden) {
      hidden++;
      return;
    }
    const p = population(g.key);
    out.push({
      key: g.key,
      perTask: figure(release, 'per-task', g.perTask, t, p),
      selfReported: figure(release, 'self-reported', g.selfReported, s, p),
    });
  });
  return { list: out, hidden };
}

/**
 * Time saved as `release` lets its reader see it. `programs` are the programs the answer reports
 * (those of its `programs` list), in that order; the others are not counted as hidden.
 */
export function publishTimeSaved(
  release: Release,
  counts: TimeSavedCounts,
  base: Population,
  programs: readonly string[],
): TimeSavedMetrics {
  const byProgram = new Map(counts.programs.map((g) => [g.key, g]));
  const none = { people: 0, minutes: 0 };
  const programList = programs.map((program) => byProgram.get(program) ?? { key: program, perTask: none, selfReported: none });
  const p = groups(release, programList, (key) => ({ ...base, program: key ?? undefined }));
  const role = groups(release, counts.role, (key) => ({ ...base, segment: { trait: 'role', key } }));
  const team = groups(release, counts.team, (key) => ({ ...base, segment: { trait: 'team', key } }));
  const out: TimeSavedMetrics = {
    perTask: figure(release, 'per-task', counts.perTask, release.hide([counts.perTask.people])[0] ?? true, base),
    selfReported: figure(release, 'self-reported', counts.selfReported, release.hide([counts.selfReported.people])[0] ?? true, base),
    programs: p.list,
    role: role.list,
    team: team.list,
  };
  if (!release.listsHidden) out.hiddenGroups = { programs: p.hidden, role: role.hidden, team: team.hidden };
  return out;
}
