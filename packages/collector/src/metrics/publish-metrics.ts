import { failingShare } from './behavior-check.js';
import { cellName, type Population } from './cell-name.js';
import type { MetricCounts, PromptCounts, VitalCounts } from './metric-counts.js';
import { newcombeInterval } from './newcombe.js';
import { publishEngagement } from './publish-engagement.js';
import { publishCohorts, publishPrograms, publishSegments } from './publish-groups.js';
import { publishPlan } from './publish-plan.js';
import { publishTimeSaved } from './publish-time-saved.js';
import { publishWindow } from './publish-window.js';
import type { Release } from './release.js';
import { ratio } from './suppress.js';
import type { Metrics, MetricsQuery, PromptMetrics, VitalMetrics } from './types.js';
import { releaseTeams } from './release-teams.js';
import { teamUpliftTest, upliftFields, upliftTest } from './uplift-test.js';
import { withFalseDiscoveryControl } from './uplift-verdict.js';

function publishPrompt(release: Release, p: PromptCounts, base: Population): PromptMetrics {
  const [treatedHidden, controlHidden] = [release.hide([p.treated.people])[0], release.hide([p.control.people])[0]];
  const arm = (name: 'treated' | 'control', hidden = true) => {
    if (hidden) return null;
    const people = release.count(cellName('exposed', base, p.id, name), p[name].people);
    return { people, converted: release.part(cellName('converted', base, p.id, name), p[name].converted, p[name].people, people) };
  };
  const treated = arm('treated', treatedHidden);
  const control = arm('control', controlHidden);
  const convTreated = treated ? ratio(treated.converted, treated.people) : null;
  const convControl = control ? ratio(control.converted, control.people) : null;
  const both = treated !== null && control !== null;
  // Released counts only; CUPED reads each person's own history, which only exact readers may use.
  // Randomized by team, every reader's test has the teams as units: exact readers' from the exact
  // teams, a viewer's from the teams its release shows (`releaseTeams`); never people one by one.
  const exact = release.listsHidden;
  const teams = p.clusters;
  const test = !both
    ? null
    : teams
      ? teamUpliftTest(
          exact
            ? teams
            : {
                treated: releaseTeams(release, teams.treated, base, p.id, 'treated'),
                control: releaseTeams(release, teams.control, base, p.id, 'control'),
              },
        )
      : upliftTest({ treated, control, covariate: exact ? (p.covariate ?? null) : null });
  return {
    id: p.id,
    treated: treated?.people ?? null,
    control: control?.people ?? null,
    convTreated,
    convControl,
    uplift: both ? (convTreated as number) - (convControl as number) : null,
    ci95: both ? newcombeInterval(treated.converted, treated.people, control.converted, control.people) : null,
    suppressed: !both,
    ...upliftFields(test),
    plan: p.plan ? publishPlan(release, p.id, p.plan, base, !both) : null,
  };
}

function publishVital(release: Release, v: VitalCounts, base: Population): VitalMetrics {
  const { tool, metric } = v;
  if (release.hide([v.people])[0])
    return { tool, metric, samples: null, p75: null, good: null, needsImprovement: null, poor: null, suppressed: true };
  const name = (part: string) => cellName('vitals', base, tool, metric, part);
  const samples = release.count(name('samples'), v.samples);
  const good = release.part(name('good'), v.good, v.samples, samples);
  const needsImprovement = release.part(name('needs-improvement'), v.needsImprovement, v.samples, samples);
  return {
    tool,
    metric,
    samples,
    p75: v.p75,
    good,
    needsImprovement,
    poor: release.part(name('poor'), v.poor, v.samples, samples),
    suppressed: false,
  };
}

/**
 * The answer of `GET /v1/metrics` from the exact counts, as `release` lets its reader see them:
 * the one place that decides what each figure of SPEC "Metric definitions" shows.
 */
export function publishMetrics(
  counts: MetricCounts,
  q: MetricsQuery,
  release: Release,
  config: { intensity: { moderateFrom: number; heavyFrom: number } },
): Metrics {
  const base: Population = { tool: q.tool, program: q.program, cohort: q.cohort };
  const restrict = q.program !== undefined || q.cohort !== undefined;
  const p = counts.population;
  const name = (measure: string) => cellName(measure, base);

  // Organisation-wide DAU/WAU/MAU are reported as they are; a filtered population is a group like any other.
  const a = counts.activity;
  let activity: Metrics['activity'] = { dau: null, wau: null, mau: null, stickiness: null, suppressed: true };
  if (!release.narrowed && !(restrict && p.trained < release.minGroupSize)) {
    const mau = release.count(name('mau'), a.mau);
    const userDays = release.part(name('user-days'), a.userDays, 28 * a.mau, 28 * mau);
    activity = {
      dau: release.count(name('dau'), a.dau),
      wau: release.count(name('wau'), a.wau),
      mau,
      stickiness: ratio(userDays / 28, mau),
      suppressed: false,
    };
  }

  let adoption: Metrics['adoption'] = { trained: null, active: null, rate: null, suppressed: true };
  if (!release.hide([p.trained])[0]) {
    const trained = release.count(cellName('people', base), p.trained);
    const active = release.part(name('active-28d'), p.active, p.trained, trained);
    adoption = { trained, active, rate: ratio(active, trained), suppressed: false };
  }
  const window = (h: 'd30' | 'd60' | 'd90') =>
    publishWindow(release, p.sustained[h], release.hide([p.sustained[h].eligible])[0] ?? true, base, h);

  const b = counts.behaviorCheck;
  let behaviorCheck: Metrics['behaviorCheck'] = { respondents: null, applied: null, rate: null, failing: null, suppressed: true };
  if (!release.hide([b.respondents])[0]) {
    const respondents = release.count(name('respondents'), b.respondents);
    const applied = release.part(name('applied'), b.applied, b.respondents, respondents);
    const rate = ratio(applied, respondents) as number;
    behaviorCheck = { respondents, applied, rate, failing: 1 - rate > failingShare, suppressed: false };
  }
  const gap: Metrics['gap'] =
    adoption.suppressed || behaviorCheck.suppressed
      ? { trained: adoption.trained, applied: null, count: null, share: null, suppressed: true }
      : (() => {
          const trained = adoption.trained as number;
          const applied = behaviorCheck.applied as number;
          const count = Math.max(0, trained - applied);
          return { trained, applied, count, share: ratio(count, trained), suppressed: false };
        })();

  const o = counts.outputs;
  let outputs: Metrics['outputs'] = { shown: null, accepted: null, edited: null, rejected: null, acceptanceRate: null, suppressed: true };
  if (!release.hide([o.people])[0]) {
    const shown = release.count(name('outputs-shown'), o.shown);
    const accepted = release.part(name('outputs-accepted'), o.accepted, o.shown, shown);
    // Accepted and edited are parts of the same outputs shown: released together, they stay within them.
    const edited = release.part(name('outputs-edited'), o.edited, o.shown, Math.max(0, shown - accepted));
    const rejected = release.part(name('outputs-rejected'), o.rejected, o.shown, shown);
    outputs = { shown, accepted, edited, rejected, acceptanceRate: ratio(accepted + edited, shown), suppressed: false };
  }

  const cohorts = publishCohorts(release, counts.cohorts, base);
  const role = publishSegments(release, 'role', counts.segments.role, base);
  const team = publishSegments(release, 'team', counts.segments.team, base);
  const programs = publishPrograms(release, counts.programs, base);
  const { engaged, intensity } = publishEngagement(counts.engagement, release, base, activity.suppressed, config.intensity);
  const metrics: Metrics = {
    asOf: q.asOf,
    minGroupSize: release.minGroupSize,
    filters: { tool: q.tool ?? null, program: q.program ?? null, cohort: q.cohort ?? null },
    activity,
    adoption,
    sustained: { d30: window('d30'), d60: window('d60'), d90: window('d90') },
    behaviorCheck,
    gap,
    outputs,
    cohorts: cohorts.list,
    segments: { role: role.list, team: team.list },
    prompts: withFalseDiscoveryControl(counts.prompts.map((prompt) => publishPrompt(release, prompt, base))),
    programs: programs.list,
    vitals: counts.vitals.map((v) => publishVital(release, v, base)).filter((v) => release.listsHidden || !v.suppressed),
    engaged,
    intensity,
    timeSaved: publishTimeSaved(
      release,
      counts.timeSaved,
      base,
      counts.programs.map((p) => p.program),
    ),
  };
  if (!release.listsHidden)
    metrics.hiddenGroups = { cohorts: cohorts.hidden, programs: programs.hidden, role: role.hidden, team: team.hidden };
  return metrics;
}
