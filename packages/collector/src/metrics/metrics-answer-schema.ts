import { z } from 'zod';
import type { Same } from '../http/openapi-operation.js';
import type { Metrics } from './types.js';

// The answer of `GET /v1/metrics` as a zod schema, for the OpenAPI document (docs/api.md). The
// check at the end fails to compile when it and `Metrics` (types.ts) differ, optional keys
// included: a key added to one is added to the other, with its words here.

const count = z.number().int().nullable();
const rate = z.number().nullable().describe('A rate from 0 to 1; null where its denominator is 0 or suppressed.');
const day = z.iso.date();
const interval = z.tuple([z.number(), z.number()]).nullable();

const window = z.object({ eligible: count, active: count, rate, suppressed: z.boolean() });

const decayFit = z.object({
  status: z.enum(['ok', 'flat', 'insufficient-data']),
  points: z.number().int(),
  initial: z.number().nullable(),
  plateau: z.number().nullable(),
  halfLifeDays: z.number().nullable(),
  r2: z.number().nullable(),
});

const retentionCell = window.extend({ week: z.number().int() });

const sustained = z.object({ d30: window, d60: window, d90: window });

const cohort = z.object({
  cohort: z.string(),
  size: count,
  suppressed: z.boolean(),
  retention: z.array(retentionCell),
  fit: decayFit.nullable(),
});

const segment = z.object({
  key: z.string().nullable(),
  users: count,
  sustainedD30: rate,
  sustainedD60: rate,
  sustainedD90: rate,
  suppressed: z.boolean(),
});

const program = z.object({
  program: z.string(),
  size: count,
  suppressed: z.boolean(),
  sustained,
  retention: z.array(retentionCell),
  fit: decayFit.nullable(),
});

const vital = z.object({
  tool: z.string(),
  metric: z.string().describe('LCP, INP, CLS, FCP or TTFB.'),
  samples: count,
  p75: z.number().nullable().describe('75th percentile: milliseconds, or a unitless score for CLS.'),
  good: count,
  needsImprovement: count,
  poor: count,
  suppressed: z.boolean(),
});

/** A prompt's power plan, here and in the studio's `POST /v1/admin/prompts/{id}/plan`. */
export const powerPlanSchema = z
  .object({
    minimumDetectableEffect: z.number().describe('The smallest uplift worth detecting, in shares of one (0.05 = five points).'),
    alpha: z.number(),
    power: z.number(),
    holdout: z.number(),
    randomizeBy: z.enum(['person', 'team']),
    baseline: z
      .object({ rate: z.number(), people: z.number().int() })
      .nullable()
      .describe("The goal's conversion among comparable people in history; null under minGroupSize."),
    exposuresNeeded: z
      .object({ fixedHorizon: z.number().int(), alwaysValid: z.number().int() })
      .nullable()
      .describe('Exposures (both arms) needed: looked at once, and looked at every day (what "detected" uses).'),
    inflation: z.number().nullable().describe('alwaysValid ÷ fixedHorizon.'),
    cluster: z
      .object({
        clusters: z.number().int(),
        meanSize: z.number(),
        icc: z.number(),
        designEffect: z.number(),
        teamsNeeded: z.number().int().nullable(),
      })
      .nullable()
      .describe('Randomized by team: intraclass correlation, design effect 1 + (m − 1)·ICC and the teams needed.'),
    reachPerDay: z.number(),
    reachSource: z.enum(['exposures', 'trigger']),
    expectedDays: z.number().int().nullable(),
    progress: z.object({ exposures: z.number().int().nullable(), share: z.number().nullable() }),
    summary: z.string(),
  })
  .describe('The power plan of the prompt\'s test (docs/analysts.md "Power before launch").');
const bounds = z.object({ low: z.number(), high: z.number() });

const cuped = z.object({
  uplift: z.number().describe('The uplift adjusted by CUPED (docs/analysts.md "Uplift you can watch").'),
  alwaysValid: bounds,
  theta: z.number(),
  varianceReduction: z.number().describe('Share of the uplift’s variance the covariate removed.'),
  covariateDays: z.number(),
});

const prompt = z.object({
  id: z.string(),
  treated: count,
  control: count,
  convTreated: rate,
  convControl: rate,
  uplift: z.number().nullable(),
  ci95: interval,
  suppressed: z.boolean(),
  knownAround: day
    .nullable()
    .optional()
    .describe('A viewer only, while an arm is suppressed: the Sunday around which both arms should reach minGroupSize.'),
  alwaysValid: bounds.nullable().describe('The always-valid 95% interval of the uplift: valid however often it is read.'),
  cuped: cuped.nullable().describe('CUPED’s adjusted uplift; null for viewers and editors, or under 2 people an arm.'),
  pValue: z.number().nullable(),
  detected: z
    .boolean()
    .nullable()
    .describe(
      'The always-valid interval (CUPED’s when there is one) excludes zero; null when there is no test (an arm suppressed, or noVerdict).',
    ),
  adjustedPValue: z.number().nullable().describe('pValue after Benjamini–Hochberg across the prompts of the answer.'),
  detectedAfterFdr: z.boolean().nullable(),
  cluster: z
    .object({
      teams: z.object({ treated: z.number().int(), control: z.number().int() }),
      designEffect: z.number(),
      effectivePeople: z.number(),
    })
    .nullable()
    .describe(
      "Randomized by team: the cluster-level test's teams per arm, design effect and effective people (a viewer's from the teams shown to viewers).",
    ),
  noVerdict: z
    .enum(['too-few-teams'])
    .nullable()
    .describe(
      'Both arms shown but no test: too-few-teams, randomized by team with fewer than 2 teams in an arm (for a viewer, fewer than 2 teams shown). Null otherwise.',
    ),
  plan: powerPlanSchema.nullable().optional(),
});

const trends = z.object({
  interval: z.literal('week'),
  from: day.nullable(),
  to: day.nullable(),
  series: z.array(
    z.object({
      id: z.string().describe('adoption, engaged, sustained-d30, …, survey-mean:<survey>:<question> (docs/analysts.md "Trends").'),
      label: z.string(),
      kind: z.enum(['rate', 'mean']),
      points: z.array(z.object({ week: day, value: z.number().nullable(), people: count, suppressed: z.boolean() })),
    }),
  ),
});

const funnel = z.object({ id: z.string(), shown: count, clicked: count, goal: count, suppressed: z.boolean() });

const bucket = z.object({ value: z.union([z.number(), z.string()]), people: count });

const trendPoint = z.object({
  week: z.string(),
  answers: count,
  mean: z.number().nullable().optional(),
  nps: z.number().nullable().optional(),
  suppressed: z.boolean(),
});

const question = z.object({
  id: z.string(),
  type: z.enum(['scale', 'nps', 'choice', 'multi', 'text', 'number']),
  respondents: count,
  suppressed: z.boolean(),
  histogram: z.array(bucket).optional(),
  other: count.optional(),
  mean: z.number().nullable().optional(),
  ci95: interval.optional(),
  median: z.number().nullable().optional(),
  nps: z.number().nullable().optional(),
  trend: z.array(trendPoint).optional(),
});

const survey = z.object({
  id: z.string(),
  shown: count,
  respondents: count,
  responseRate: rate,
  suppressed: z.boolean(),
  questions: z.array(question),
  waves: z.array(z.object({ wave: z.number().int(), respondents: count, suppressed: z.boolean(), questions: z.array(question) })),
  trend: z.array(z.object({ week: z.string(), respondents: count, suppressed: z.boolean() })),
});

const engagedWindow = z.object({ eligible: count, engaged: count, rate, suppressed: z.boolean() });

const engaged = z
  .object({
    activity: z
      .object({ active: count, engaged: count, share: rate, suppressed: z.boolean() })
      .describe('MAU, those of them engaged on some day of asOf−27…asOf, and engaged ÷ active.'),
    adoption: z
      .object({ trained: count, engaged: count, rate, suppressed: z.boolean() })
      .describe('The trained people and those of them engaged in asOf−27…asOf.'),
    sustained: z
      .object({ d30: engagedWindow, d60: engagedWindow, d90: engagedWindow })
      .describe('Eligible as sustained; engaged on some day of trainedAt+N−13 … trainedAt+N.'),
  })
  .describe(
    'Engaged use next to active use: a person is engaged on a day they accepted or edited an AI output or sent one of the config’s engagedEvents (docs/analysts.md "Engaged use and intensity").',
  );

const intensity = z
  .object({
    moderateFrom: z.number().int().describe('The config’s intensity: moderate from this many usage days in 28, heavy from heavyFrom.'),
    heavyFrom: z.number().int(),
    active: count,
    light: count,
    moderate: count,
    heavy: count,
    suppressed: z.boolean(),
  })
  .describe('The active people of asOf−27…asOf by their usage days in them: light, moderate and heavy use.');

const timeSavedFigure = z.object({
  method: z
    .enum(['per-task', 'self-reported'])
    .describe('per-task: minutesSaved of task.completed events; self-reported: answers to minutesSaved questions. Never added together.'),
  people: count.describe('People whose tasks or answers the figure sums.'),
  hours: z.number().nullable().describe('Hours saved in asOf−27…asOf, to a tenth.'),
  hoursPerPerson: z.number().nullable(),
  suppressed: z.boolean(),
});

const timeSavedGroup = z.object({
  key: z.string().nullable().describe('The program, role or team; null: people without one.'),
  perTask: timeSavedFigure,
  selfReported: timeSavedFigure,
});

const timeSaved = z
  .object({
    perTask: timeSavedFigure,
    selfReported: timeSavedFigure,
    programs: z.array(timeSavedGroup).describe('Per program of programs[], same order: the people who completed it.'),
    role: z.array(timeSavedGroup),
    team: z.array(timeSavedGroup),
    hiddenGroups: z
      .object({ programs: z.number().int(), role: z.number().int(), team: z.number().int() })
      .optional()
      .describe('A viewer only: groups left out of each list, both of their figures hidden.'),
  })
  .describe('Hours saved over the last 28 days by each method, per program, role and team (docs/analysts.md "Time saved").');

/** The body of `GET /v1/metrics` (docs/analysts.md): null figures are suppressed for the caller's role. */
export const metricsAnswerSchema = z
  .object({
    asOf: day,
    minGroupSize: z.number().int(),
    filters: z.object({ tool: z.string().nullable(), program: z.string().nullable(), cohort: z.string().nullable() }),
    activity: z.object({ dau: count, wau: count, mau: count, stickiness: rate, suppressed: z.boolean() }),
    adoption: z.object({ trained: count, active: count, rate, suppressed: z.boolean() }),
    sustained,
    behaviorCheck: z.object({ respondents: count, applied: count, rate, failing: z.boolean().nullable(), suppressed: z.boolean() }),
    gap: z.object({ trained: count, applied: count, count, share: rate, suppressed: z.boolean() }),
    outputs: z.object({
      shown: count,
      accepted: count,
      edited: count,
      rejected: count,
      acceptanceRate: rate,
      suppressed: z.boolean(),
    }),
    cohorts: z.array(cohort),
    segments: z.object({ role: z.array(segment), team: z.array(segment) }),
    prompts: z.array(prompt),
    funnels: z.array(funnel).optional(),
    surveys: z.array(survey).optional(),
    programs: z.array(program).describe('At most 20, the largest first.'),
    vitals: z.array(vital),
    engaged: engaged.optional().describe('Always in a collector’s answer (absent only from older answers).'),
    intensity: intensity.optional().describe('Always in a collector’s answer.'),
    timeSaved: timeSaved.optional().describe('Always in a collector’s answer.'),
    figuresAsOf: day.nullable().optional().describe('A viewer only: the Sunday ending the last complete week on or before asOf.'),
    hiddenGroups: z
      .object({ cohorts: z.number().int(), programs: z.number().int(), role: z.number().int(), team: z.number().int() })
      .optional()
      .describe('A viewer only: how many groups of each breakdown are hidden.'),
    trends: trends.optional().describe('With series=weekly only: each figure at the end of each complete week, oldest first.'),
  })
  .describe('Every metric is defined in docs/analysts.md. A null figure is suppressed for the caller (a group under minGroupSize).');

const same: Same<z.output<typeof metricsAnswerSchema>, Metrics> = true;
void same;
