import type { SurveyConfig } from '@uptake/sdk/protocol';
import type { TimeSavedFigure, TimeSavedGroup, TimeSavedMetrics } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { dayOf } from './days.js';
import { byTimeThenId, identified, latestTrait } from './people.js';

type Method = 'per-task' | 'self-reported';

const isMinutes = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Each person's minutes saved over asOf−27…asOf, by method (docs/analysts.md "Time saved"): per task,
 * the sum of their `task.completed` minutesSaved (at most 480 each; aiAssisted false left out);
 * self-reported, their latest answer in asOf−89…asOf to a question marked minutesSaved (at most 2,400
 * a week) × 4. The store keeps a person's last answer of each day to a question (with its tool), then
 * reads the latest day's whose value is a number and whose tool is the filter's: so does this.
 */
function minutesByPerson(
  events: readonly StoredEvent[],
  surveys: readonly SurveyConfig[],
  asOf: number,
  tool: string | undefined,
  selected: ReadonlySet<string> | undefined,
): Record<Method, Map<string, number>> {
  const counts = (e: StoredEvent) =>
    e.userId !== null && (tool === undefined || e.tool === tool) && (selected === undefined || selected.has(e.userId));
  const perTask = new Map<string, number>();
  for (const e of identified(events)) {
    if (e.name !== 'task.completed' || !counts(e) || dayOf(e.ts) < asOf - 27) continue;
    const minutes = e.props['minutesSaved'];
    const assisted = e.props['aiAssisted'];
    if (!isMinutes(minutes) || assisted === false || assisted === 'false') continue;
    perTask.set(e.userId as string, (perTask.get(e.userId as string) ?? 0) + Math.min(minutes, 480));
  }
  const measured = new Set(
    surveys.flatMap((s) =>
      s.questions.filter((q) => q.type === 'number' && q.measures === 'minutesSaved').map((q) => `${s.id}\u0000${q.id}`),
    ),
  );
  const dayLast = new Map<string, StoredEvent>();
  for (const e of [...identified(events)].sort(byTimeThenId)) {
    const key = `${e.props['surveyId']}\u0000${e.props['questionId']}`;
    const day = dayOf(e.ts);
    if (e.name !== 'survey.answered' || !measured.has(key) || day < asOf - 89) continue;
    dayLast.set(`${e.userId}\u0000${key}\u0000${day}`, e);
  }
  const latest = new Map<string, StoredEvent>();
  for (const e of [...dayLast.values()].sort(byTimeThenId)) if (counts(e) && isMinutes(e.props['value'])) latest.set(e.userId as string, e);
  const selfReported = new Map([...latest].map(([user, e]) => [user, Math.min(e.props['value'] as number, 2400) * 4]));
  return { 'per-task': perTask, 'self-reported': selfReported };
}

const hours = (minutes: number) => Math.round(minutes / 6) / 10;

function figure(method: Method, minutes: readonly number[], min: number): TimeSavedFigure {
  if (minutes.length < min) return { method, people: null, hours: null, hoursPerPerson: null, suppressed: true };
  const total = minutes.reduce((a, b) => a + b, 0);
  return { method, people: minutes.length, hours: hours(total), hoursPerPerson: hours(total / minutes.length), suppressed: false };
}

/** `timeSaved`: in total, per program of `programs` (people who completed it), per latest role and team. */
export function timeSaved(
  events: readonly StoredEvent[],
  surveys: readonly SurveyConfig[],
  programs: readonly string[],
  asOf: number,
  tool: string | undefined,
  selected: ReadonlySet<string> | undefined,
  min: number,
): TimeSavedMetrics {
  const byMethod = minutesByPerson(events, surveys, asOf, tool, selected);
  const both = (inGroup: (user: string) => boolean) => ({
    perTask: figure(
      'per-task',
      [...byMethod['per-task']].filter(([u]) => inGroup(u)).map(([, m]) => m),
      min,
    ),
    selfReported: figure(
      'self-reported',
      [...byMethod['self-reported']].filter(([u]) => inGroup(u)).map(([, m]) => m),
      min,
    ),
  });
  const completed = new Map<string, Set<string>>();
  for (const e of identified(events))
    if (e.name === 'training.completed' && typeof e.props['program'] === 'string')
      completed.set(e.props['program'], (completed.get(e.props['program']) ?? new Set()).add(e.userId as string));
  const contributors = new Set([...byMethod['per-task'].keys(), ...byMethod['self-reported'].keys()]);
  const byTrait = (trait: 'role' | 'team'): TimeSavedGroup[] => {
    const values = latestTrait(events, trait);
    const keys = [...new Set([...contributors].map((u) => values.get(u) ?? null))].sort((a, b) =>
      a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
    );
    return keys.map((key) => ({ key, ...both((u) => (values.get(u) ?? null) === key) }));
  };
  return {
    ...both(() => true),
    programs: programs.map((program) => ({ key: program, ...both((u) => completed.get(program)?.has(u) ?? false) })),
    role: byTrait('role'),
    team: byTrait('team'),
  };
}
