import type { PromptConfig } from '@uptake/sdk/protocol';
import type { CovariateSums } from '../../src/metrics/metric-counts.js';
import type { PromptFunnel, PromptMetrics } from '../../src/metrics/types.js';
import { covariateDays, upliftFields, upliftTest } from '../../src/metrics/uplift-test.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { rate } from './groups.js';
import { newcombe } from './newcombe.js';
import { byTimeThenId, identified } from './people.js';
import { referenceFunnel } from './surveys.js';

/** Whether an event carries the goal's props: compared as text, as JSON would print them; null means absent. */
function hasProps(e: StoredEvent, props: Record<string, string | number | boolean | null>): boolean {
  return Object.entries(props).every(([key, want]) => {
    const got = e.props[key];
    return want === null ? got === null || got === undefined : got !== undefined && got !== null && String(got) === String(want);
  });
}

/**
 * Uplift of a prompt with a goal: a person's first `prompt.shown` (treated) or `prompt.held_out`
 * (control) decides the arm; they convert with a goal event at or after that exposure and at most
 * `withinDays` × 24 h later. Exposures are of `tool` when given; `people`, when given, are the
 * only people counted. An arm under `min` people is suppressed, and so is the uplift.
 */
export function promptUplift(...args: Parameters<typeof promptArms>): PromptMetrics {
  return promptArms(...args).uplift;
}

/** The funnel of a prompt with a goal (docs/analysts.md "Results per item"): its treated arm shown → clicked → converted. */
export function promptFunnel(...args: Parameters<typeof promptArms>): PromptFunnel {
  const [events, prompt, tool, , min] = args;
  const { treated } = promptArms(...args);
  return referenceFunnel(events, prompt, { people: treated.exposed, converted: treated.y }, min, tool);
}

function promptArms(
  events: readonly StoredEvent[],
  prompt: PromptConfig,
  tool: string | undefined,
  people: ReadonlySet<string> | undefined,
  min: number,
) {
  const goal = prompt.goal as NonNullable<PromptConfig['goal']>;
  const first = new Map<string, StoredEvent>();
  const exposures = identified(events).filter(
    (e) =>
      (e.name === 'prompt.shown' || e.name === 'prompt.held_out') &&
      e.props['promptId'] === prompt.id &&
      (tool === undefined || e.tool === tool),
  );
  for (const e of [...exposures].sort(byTimeThenId)) if (!first.has(e.userId as string)) first.set(e.userId as string, e);
  const goals = identified(events).filter((e) => e.name === goal.event && hasProps(e, goal.props ?? {}));
  const window = goal.withinDays * 86_400_000;
  const before = covariateDays * 86_400_000;
  const arm = (name: string) => {
    const exposed = [...first.values()].filter((x) => x.name === name && (people === undefined || people.has(x.userId as string)));
    const converts = (x: StoredEvent) =>
      goals.some((g) => g.userId === x.userId && g.ts.getTime() >= x.ts.getTime() && g.ts.getTime() <= x.ts.getTime() + window);
    const converted = exposed.filter(converts);
    // CUPED's covariate: the person's goal events in the 14 days before exposure (its first millisecond in, the exposure out).
    const k = (x: StoredEvent) =>
      goals.filter((g) => g.userId === x.userId && g.ts.getTime() < x.ts.getTime() && g.ts.getTime() >= x.ts.getTime() - before).length;
    const covariate = {
      events: exposed.reduce((sum, x) => sum + k(x), 0),
      squares: exposed.reduce((sum, x) => sum + k(x) ** 2, 0),
      converted: converted.reduce((sum, x) => sum + k(x), 0),
    };
    return { n: exposed.length, y: converted.length, exposed, covariate };
  };
  const treated = arm('prompt.shown');
  const control = arm('prompt.held_out');
  const treatedShown = treated.n >= min;
  const controlShown = control.n >= min;
  const both = treatedShown && controlShown;
  const convTreated = treatedShown ? rate(treated.y, treated.n) : null;
  const convControl = controlShown ? rate(control.y, control.n) : null;
  const uplift: PromptMetrics = {
    id: prompt.id,
    treated: treatedShown ? treated.n : null,
    control: controlShown ? control.n : null,
    convTreated,
    convControl,
    uplift: both ? (convTreated as number) - (convControl as number) : null,
    ci95: both ? newcombe(treated.y, treated.n, control.y, control.n) : null,
    suppressed: !both,
    ...upliftFigures(both, treated, control),
  };
  return { uplift, treated };
}

/** The always-valid and CUPED figures of exact arms (the statistics are the stats module's; the counts are the reference's). */
function upliftFigures(
  both: boolean,
  treated: { n: number; y: number; covariate: CovariateSums },
  control: { n: number; y: number; covariate: CovariateSums },
) {
  const test = both
    ? upliftTest({
        treated: { people: treated.n, converted: treated.y },
        control: { people: control.n, converted: control.y },
        covariate: { treated: treated.covariate, control: control.covariate },
      })
    : null;
  return upliftFields(test);
}
