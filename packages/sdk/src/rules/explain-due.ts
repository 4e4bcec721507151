import { assign } from './audience.js';
import { allowedByFatigue, allowedByFrequency, showsOfWave } from './caps.js';
import { explainTrigger, when } from './explain-trigger.js';
import { dayMs } from './is-due.js';
import type { Exposure, ExposureHistory, Fatigue, Person, RuleContext, RuleItem } from './types.js';

/** Whether an item is due for this person now, and why (not), in words: what `uptake.explain()` lists. */
export interface Explanation {
  kind: 'prompt' | 'survey';
  id: string;
  due: boolean;
  reason: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function audienceReason(item: RuleItem, person: Person): string | undefined {
  if (assign(item.audience, person, item.id) !== 'excluded') return undefined;
  const { roles, teams, cohorts, programs, sample, randomizeBy } = item.audience;
  const lists = [
    ['role', roles, person.role],
    ['team', teams, person.team],
    ['cohort', cohorts, person.cohort],
    ['program', programs, person.program],
  ] as const;
  for (const [trait, list, value] of lists)
    if (list && (value === undefined || !list.includes(value)))
      return `not in the audience: ${trait} ${value === undefined ? 'unknown' : `"${value}"`} is not one of ${list.join(', ')}`;
  const byTeam = randomizeBy === 'team';
  if (byTeam && !person.team) return 'not in the audience: it is randomized by team and the team trait is unknown';
  return `not drawn: the audience takes a ${percent(sample)} sample of ${byTeam ? 'teams' : 'people'}`;
}

function frequencyReason(item: RuleItem, e: Exposure | undefined, now: number): string | undefined {
  const { frequency, recurrence } = item;
  if (!e || allowedByFrequency(frequency, e, now, recurrence)) return undefined;
  const { maxShows, cooldownDays } = frequency;
  if (e.dismissed) return '"Don\'t show again" was chosen';
  if (e.lastAnswered !== null) {
    const again = recurrence && Date.parse(e.lastAnswered) + recurrence.everyDays * dayMs;
    if (!again) return `answered at ${when(e.lastAnswered)}`;
    if (again > now)
      return `answered at ${when(e.lastAnswered)}; offered again from ${when(again)} (recurrence.everyDays ${recurrence.everyDays})`;
  }
  const shows = showsOfWave(e);
  if (shows >= maxShows)
    return `shown ${shows} of ${maxShows} time(s)${e.lastAnswered === null ? '' : ' since the last answer'} (frequency.maxShows)`;
  const [what, at] =
    e.lastSnoozed !== null && (e.lastShown === null || e.lastSnoozed > e.lastShown)
      ? ['"Not now"', e.lastSnoozed]
      : ['shown', e.lastShown as string];
  return `cooling down until ${when(Date.parse(at) + cooldownDays * dayMs)} (${what} at ${when(at)}, frequency.cooldownDays ${cooldownDays})`;
}

/** Why nothing may be shown now, naming what used the caps; undefined when something may. */
function fatigueReason(fatigue: Fatigue, history: ExposureHistory, now: number, onScreen: string | undefined): string | undefined {
  if (onScreen) return `${onScreen} is on screen`;
  if (allowedByFatigue(fatigue, history.recentShows, now, false)) return undefined;
  const [cap, limit, days] =
    history.recentShows.filter((s) => now - Date.parse(s) < dayMs).length >= fatigue.perDay
      ? ['daily', fatigue.perDay, 1]
      : ['weekly', fatigue.perWeek, 7];
  const by = history.recentShows
    .filter((s) => now - Date.parse(s) < days * dayMs)
    .map((s) => {
      const item = (['prompt', 'survey'] as const).flatMap((kind) =>
        Object.entries(kind === 'prompt' ? history.prompts : history.surveys).flatMap(([id, e]) =>
          e.lastShown === s ? [`${kind} ${id}`] : [],
        ),
      )[0];
      return `${item ?? 'a show in another tool (or an earlier show)'} at ${when(s)}`;
    });
  return `the ${cap} cap (fatigue.per${cap === 'daily' ? 'Day' : 'Week'} ${limit}) is used${by.length ? ` by ${by.join(', ')}` : ''}`;
}

/** What `explainDue` judges: a running prompts runtime's view of this person and page now. */
export interface ExplainInput {
  prompts: readonly RuleItem[];
  surveys: readonly RuleItem[];
  history: ExposureHistory;
  fatigue: Fatigue;
  ctx: RuleContext;
  /** The id of the item on screen, if any. */
  onScreen?: string | undefined;
  /** Items left out of the rules because their `trigger.selector` is not valid CSS. */
  unusable: readonly Pick<Explanation, 'kind' | 'id'>[];
}

/**
 * For each prompt, then each survey, in config order: whether it is due for this person now, and why
 * not (audience, trigger, holdout, frequency, the fatigue caps with the items that used them, an
 * earlier item due first). It judges with the rules `selectDue` uses, without changing anything.
 */
export function explainDue({ prompts, surveys, history, fatigue, ctx, onScreen, unusable }: ExplainInput): Explanation[] {
  const capped = fatigueReason(fatigue, history, ctx.now, onScreen);
  let first: string | undefined;
  const judged = (['prompt', 'survey'] as const).flatMap((kind) =>
    (kind === 'prompt' ? prompts : surveys).map((item): Explanation => {
      const exposure = (kind === 'prompt' ? history.prompts : history.surveys)[item.id];
      const heldOut =
        assign(item.audience, ctx.person, item.id) === 'held-out'
          ? `held out: this person is in its ${percent(item.audience.holdout)} control group, who never see it`
          : undefined;
      const own =
        audienceReason(item, ctx.person) ??
        explainTrigger(item.trigger, ctx, exposure) ??
        heldOut ??
        frequencyReason(item, exposure, ctx.now);
      const reason = own ?? (capped ? `due, but ${capped}` : first ? `due, but ${first} comes first (one at a time)` : 'due now');
      if (reason === 'due now') first = `${kind} ${item.id}`;
      return { kind, id: item.id, due: reason === 'due now', reason };
    }),
  );
  return [...judged, ...unusable.map((u) => ({ ...u, due: false, reason: 'trigger.selector is not a valid CSS selector' }))];
}

/** Explanations as console lines: `prompt critique-tip: due now`. */
export function explainLines(list: readonly Explanation[]): string {
  return list.map((e) => `${e.kind} ${e.id}: ${e.reason}`).join('\n');
}
