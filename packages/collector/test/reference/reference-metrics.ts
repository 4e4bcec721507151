import type { PromptConfig, SurveyConfig } from '@uptake/sdk/protocol';
import type { Metrics, MetricsQuery } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { behaviorCheck, gap } from './behavior-check.js';
import { cohorts, programs } from './cohorts.js';
import { dayNumber, dayOf } from './days.js';
import { last28Days, outputs, vitals } from './outputs.js';
import { activeDays, trainedPeople } from './people.js';
import { activity, adoption, sustained } from './population.js';
import { referencePlan } from './plan.js';
import { promptFunnel, promptUplift } from './prompts.js';
import { withFalseDiscoveryControl } from '../../src/metrics/uplift-verdict.js';
import { segmentsBy } from './segments.js';
import { referenceSurvey } from './surveys.js';
import { engagedDays, engagement } from './engagement.js';
import { timeSaved } from './time-saved.js';

/** What of the config the metrics read. */
export interface ReferenceConfig {
  minGroupSize: number;
  usageEvents: readonly string[];
  engagedEvents?: readonly string[];
  intensity?: { moderateFrom: number; heavyFrom: number };
  prompts: readonly PromptConfig[];
  surveys?: readonly SurveyConfig[];
}

/** The collector stores an id once: of events written with the same id, the first one stays. */
export function storedOnce(written: readonly StoredEvent[]): StoredEvent[] {
  const byId = new Map<string, StoredEvent>();
  for (const e of written) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()];
}

/**
 * Every figure of `GET /v1/metrics`, computed in plain TypeScript from the events written to the
 * store, straight from the definitions of docs/analysts.md and SPEC "Metric definitions". It shares
 * no code with the SQL path: slow, obvious, and the yardstick the stores are held to.
 */
export function referenceMetrics(written: readonly StoredEvent[], config: ReferenceConfig, q: MetricsQuery): Metrics {
  const asOf = dayNumber(q.asOf);
  const min = config.minGroupSize;
  // Only events at or before the end of asOf count.
  const events = storedOnce(written).filter((e) => dayOf(e.ts) <= asOf);
  // A program or cohort filter restricts every figure to the trained people it selects.
  const restrict = q.program !== undefined || q.cohort !== undefined;
  const trained = trainedPeople(events, q.program).filter((p) => q.cohort === undefined || p.cohort === q.cohort);
  const selected = restrict ? new Set(trained.map((p) => p.user)) : undefined;
  const days = activeDays(events, config.usageEvents, q.tool);
  const recent = last28Days(events, asOf, q.tool, selected);
  const adopted = adoption(trained, days, asOf, min);
  const check = behaviorCheck(events, trained, min);
  const withGoal = config.prompts.filter(
    (p) => p.goal !== undefined && (q.tool === undefined || p.tools === undefined || p.tools.includes(q.tool)),
  );
  const programList = programs(
    events,
    trained,
    days,
    { asOf, ...(q.program === undefined ? {} : { program: q.program }), ...(q.cohort === undefined ? {} : { cohort: q.cohort }) },
    min,
  );
  const engagedFigures = engagement(
    days,
    engagedDays(events, config.engagedEvents ?? [], q.tool),
    trained,
    selected ? [...selected] : undefined,
    asOf,
    min,
    config.intensity ?? { moderateFrom: 4, heavyFrom: 12 },
  );
  const surveys = (config.surveys ?? []).filter((s) => q.tool === undefined || s.tools === undefined || s.tools.includes(q.tool));
  return {
    asOf: q.asOf,
    minGroupSize: min,
    filters: { tool: q.tool ?? null, program: q.program ?? null, cohort: q.cohort ?? null },
    // Organisation-wide DAU/WAU/MAU are reported as they are; a filtered population is a group.
    activity:
      selected && selected.size < min
        ? { dau: null, wau: null, mau: null, stickiness: null, suppressed: true }
        : activity(days, asOf, selected ? [...selected] : undefined),
    adoption: adopted,
    sustained: sustained(trained, days, asOf, min),
    behaviorCheck: check,
    gap: gap(adopted, check),
    outputs: outputs(recent, min),
    cohorts: cohorts(trained, days, asOf, min),
    segments: { role: segmentsBy('role', events, trained, days, asOf, min), team: segmentsBy('team', events, trained, days, asOf, min) },
    prompts: withFalseDiscoveryControl(
      withGoal.map((p) => ({
        ...promptUplift(events, p, q.tool, selected, min),
        plan: referencePlan(events, p, q.tool, config.usageEvents, (asOf + 1) * 86_400_000, min),
      })),
    ),
    programs: programList,
    vitals: vitals(
      recent.filter((e) => e.name === 'perf.vital'),
      min,
    ),
    funnels: withGoal.map((p) => promptFunnel(events, p, q.tool, selected, min)),
    surveys: surveys.map((s) => referenceSurvey(events, s, q.tool, selected, min)),
    ...engagedFigures,
    timeSaved: timeSaved(
      events,
      surveys,
      programList.map((p) => p.program),
      asOf,
      q.tool,
      selected,
      min,
    ),
  };
}
