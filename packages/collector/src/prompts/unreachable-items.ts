import type { Fatigue, PromptConfig, SurveyConfig } from '@uptake/sdk/protocol';
import { type Exposure, emptyExposure, type RuleItem, selectDue } from '@uptake/sdk/rules';

/** What the check reads of a config. */
export interface ReachInput {
  tools: readonly { id: string }[];
  fatigue: Fatigue;
  prompts: readonly PromptConfig[];
  surveys: readonly SurveyConfig[];
}

const dayMs = 86_400_000;
const trainedAt = '2026-01-05';
const start = Date.parse(`${trainedAt}T09:00:00Z`);

type Listed = { item: RuleItem; label: string; survey: boolean };

/** Due on known days only: the person's training day decides, not what they do or which page they are on. */
const dayBased = ({ trigger: t }: RuleItem) =>
  (t.daysSinceTraining !== undefined || t.spaced !== undefined) &&
  [t.event, t.inactiveDays, t.selector, t.url].every((condition) => condition === undefined);

/** The days after training an item is due on, as the check words them. */
const dueDays = ({ trigger: t }: RuleItem) =>
  t.daysSinceTraining ? `days ${t.daysSinceTraining[0]}–${t.daysSinceTraining[1]}` : `days ${t.spaced?.join(', ')}`;

/**
 * Replays the first months after training, a day at a time, for one person who is in every audience
 * and no holdout, opens the tool every day, answers every survey and never says "Don't show again",
 * with the items of one tool whose triggers depend on the day alone (`daysSinceTraining`,
 * `spaced`), through the rules the SDK runs (`selectDue`: prompts first, one at a time, the fatigue
 * caps), at visits through each day. Returns those never shown, with the items whose shows took
 * the slots while they were due.
 */
function neverShown(fatigue: Fatigue, prompts: Listed[], surveys: Listed[]): { missed: Listed; takenBy: Set<string> }[] {
  const last = Math.max(
    ...[...prompts, ...surveys].flatMap(({ item: { trigger: t } }) => [t.daysSinceTraining?.[1] ?? 0, ...(t.spaced ?? [])]),
  );
  const books = { prompts: {} as Record<string, Exposure>, surveys: {} as Record<string, Exposure> };
  const recentShows: string[] = [];
  const shows: { day: number; label: string }[] = [];
  for (let day = 0; day <= last + 30; day++) {
    // Visits through the day, a minute apart: each shows what is due, one at a time, until the caps say no more.
    for (let visit = 0, shown = true; shown && visit < 24; visit++) {
      shown = false;
      const now = start + day * dayMs + visit * 60_000;
      const ctx = { now, person: { userId: 'someone', trainedAt }, events: [], path: '/' };
      for (const [list, book] of [
        [prompts, books.prompts],
        [surveys, books.surveys],
      ] as const) {
        const decision = selectDue(
          list.map((l) => l.item),
          { items: book, recentShows },
          fatigue,
          ctx,
          false,
        );
        if (decision.action !== 'show') continue;
        const listed = list.find((l) => l.item === decision.item) as Listed;
        const at = new Date(now).toISOString();
        const e = (book[listed.item.id] ??= emptyExposure());
        e.shows++;
        e.lastShown = at;
        if (listed.survey) e.lastAnswered = at;
        recentShows.unshift(at);
        shows.push({ day, label: listed.label });
        shown = true;
        break;
      }
    }
  }
  const dueOn = ({ trigger: t }: RuleItem, day: number) =>
    t.daysSinceTraining ? day >= t.daysSinceTraining[0] && day <= t.daysSinceTraining[1] : (t.spaced ?? []).some((s) => day >= s);
  /** Who took the slots on a day: that day's shows when they filled the daily cap, else the week's. */
  const takers = (day: number) => {
    const today = shows.filter((s) => s.day === day);
    return (today.length >= fatigue.perDay ? today : shows.filter((s) => s.day > day - 7 && s.day <= day)).map((s) => s.label);
  };
  return [...prompts, ...surveys]
    .filter((l) => !shows.some((s) => s.label === l.label))
    .map((missed) => ({
      missed,
      takenBy: new Set(Array.from({ length: last + 31 }, (_, day) => day).flatMap((day) => (dueOn(missed.item, day) ? takers(day) : []))),
    }));
}

/**
 * `uptake config check`'s warnings about the fatigue caps: caps of 0 show nothing at all; and an item
 * due on certain days after training that earlier items, due on the same days, leave no room for
 * (with `fatigue.perDay: 1`, a daily tip takes the slot of a survey every day it is due).
 */
export function unreachableItems(config: ReachInput): string[] {
  const { perDay, perWeek } = config.fatigue;
  if (perDay === 0 || perWeek === 0) return [`fatigue.${perDay === 0 ? 'perDay' : 'perWeek'} is 0: no prompt or survey is ever shown`];
  const warnings = new Set<string>();
  for (const tool of config.tools) {
    const listed = (list: readonly (PromptConfig | SurveyConfig)[], kind: 'prompts' | 'surveys'): Listed[] =>
      list.flatMap((item, i) =>
        (item.tools === undefined || item.tools.includes(tool.id)) && dayBased(item)
          ? [{ item: { ...item, audience: { sample: 1, holdout: 0 } }, label: `${kind}[${i}] "${item.id}"`, survey: kind === 'surveys' }]
          : [],
      );
    for (const { missed, takenBy } of neverShown(config.fatigue, listed(config.prompts, 'prompts'), listed(config.surveys, 'surveys'))) {
      const by = ` ${takenBy.size ? [...takenBy].join(', ') : 'earlier items'} take${takenBy.size === 1 ? 's' : ''} the slots`;
      warnings.add(
        `${missed.label} is never shown to a person who also gets the items before it:${by} while it is due (${dueDays(missed.item)} after training) with fatigue.perDay ${perDay} and perWeek ${perWeek}; raise the caps, give them different audiences or lower the others' frequency.maxShows`,
      );
    }
  }
  return [...warnings];
}
