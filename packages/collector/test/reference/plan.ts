import type { PromptConfig } from '@uptake/sdk/protocol';
import { planSettings } from '../../src/metrics/publish-plan.js';
import { type PlanCounts, type PowerPlanReport, powerPlan } from '../../src/stats/power-plan.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { byTimeThenId, identified } from './people.js';

const day = 86_400_000;

/**
 * A prompt's power plan from the events, straight from docs/analysts.md "Power before launch": the
 * comparable people met the trigger (a usage event without an event trigger) in the 28 days ending
 * `withinDays` before `now`, were not shown the prompt, and convert when the goal follows their
 * first such event within `withinDays`; by team, team by team (latest identify trait). Reach: who
 * met the trigger in the last 28 days; progress: the first exposures before now (14 days: recent).
 * The plan's arithmetic is the stats module's; the counts are the reference's.
 */
export function referencePlan(
  events: readonly StoredEvent[],
  prompt: PromptConfig,
  tool: string | undefined,
  usageEvents: readonly string[],
  now: number,
  min: number,
): PowerPlanReport {
  const goal = prompt.goal as NonNullable<PromptConfig['goal']>;
  const people = [...identified(events)].filter((e) => e.ts.getTime() < now).sort(byTimeThenId);
  const tools = tool === undefined ? prompt.tools : [tool];
  const inTools = (e: StoredEvent) => tools === undefined || tools.includes(e.tool);
  const met = (e: StoredEvent) =>
    inTools(e) &&
    (prompt.trigger.event === undefined ? e.name.startsWith('ai.') || usageEvents.includes(e.name) : e.name === prompt.trigger.event);
  const exposure = (e: StoredEvent) => (e.name === 'prompt.shown' || e.name === 'prompt.held_out') && e.props['promptId'] === prompt.id;
  // The first exposure in each tool decides whether a person was shown it (the store keeps one per tool).
  const firstPerTool = new Map<string, StoredEvent>();
  for (const e of people.filter(exposure))
    if (!firstPerTool.has(`${e.userId}\u0000${e.tool}`)) firstPerTool.set(`${e.userId}\u0000${e.tool}`, e);
  const shown = new Set([...firstPerTool.values()].filter((e) => e.name === 'prompt.shown').map((e) => e.userId as string));

  const window = goal.withinDays * day;
  const to = now - Math.round(goal.withinDays * 86_400) * 1000;
  const anchors = new Map<string, number>();
  for (const e of people)
    if (
      met(e) &&
      e.ts.getTime() >= to - 28 * day &&
      e.ts.getTime() < to &&
      !shown.has(e.userId as string) &&
      !anchors.has(e.userId as string)
    )
      anchors.set(e.userId as string, e.ts.getTime());
  const converts = (user: string, at: number) =>
    people.some(
      (g) =>
        g.userId === user &&
        g.name === goal.event &&
        g.ts.getTime() >= at &&
        g.ts.getTime() <= at + window &&
        Object.entries(goal.props ?? {}).every(([k, v]) =>
          v === null ? g.props[k] === null || g.props[k] === undefined : g.props[k] != null && String(g.props[k]) === String(v),
        ),
    );
  const converted = new Set([...anchors].filter(([user, at]) => converts(user, at)).map(([user]) => user));
  let counted = [...anchors.keys()];
  let teams: PlanCounts['teams'] = null;
  if (prompt.audience.randomizeBy === 'team') {
    const teamOf = new Map<string, string>();
    for (const e of people)
      if (e.name === 'identify' && e.props['team'] !== undefined && e.props['team'] !== null)
        teamOf.set(e.userId as string, String(e.props['team']));
    counted = counted.filter((user) => (teamOf.get(user) ?? '') !== '');
    const byTeam = new Map<string, { people: number; converted: number }>();
    for (const user of counted) {
      const t = byTeam.get(teamOf.get(user) as string) ?? { people: 0, converted: 0 };
      t.people++;
      if (converted.has(user)) t.converted++;
      byTeam.set(teamOf.get(user) as string, t);
    }
    teams = [...byTeam.values()];
  }
  const firstExposure = new Map<string, number>();
  for (const e of people.filter((x) => exposure(x) && inTools(x)))
    if (!firstExposure.has(e.userId as string)) firstExposure.set(e.userId as string, e.ts.getTime());
  const counts: PlanCounts = {
    baseline: { people: counted.length, converted: counted.filter((user) => converted.has(user)).length },
    teams,
    reached: new Set(people.filter((e) => met(e) && e.ts.getTime() >= now - 28 * day).map((e) => e.userId)).size,
    reachDays: 28,
    exposed: firstExposure.size,
    exposedRecently: [...firstExposure.values()].filter((at) => at >= now - 14 * day).length,
    recentDays: 14,
  };
  return powerPlan(counts, planSettings(prompt), min);
}
