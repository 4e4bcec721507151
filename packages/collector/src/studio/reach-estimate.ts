import type { UptakeConfig } from '../config/config-schema.js';
import { cellKeyNoise } from '../metrics/cell-key.js';
import { cellKeySecret } from '../metrics/cell-key-secret.js';
import type { Store } from '../storage/store.js';
import { parseItem } from './parse-item.js';
import { releaseReach } from './reach-release.js';
import { type ReachConditions, reachSql, spacedAheadDays } from './reach-sql.js';
import { StudioError } from './studio-error.js';
import type { ReachEstimate, ReachFigure, ReachFigures } from './reach-types.js';
import type { ItemKind } from './studio-item.js';

const words = (f: ReachFigure, noun = 'people') => ('about' in f ? `about ${f.about} ${noun}` : `fewer than ${f.fewerThan} ${noun}`);
const listed = (values: readonly (string | number)[]) => values.join(', ');

/**
 * Estimates how many people an item reaches now (issue 15: the studio's reach estimate), under the
 * viewers' protection (`releaseReach`). The conditions the store knows are counted (see `reachSql`
 * for where each comes from); a selector or URL condition depends on the page and is said to be
 * left out. A `daysSinceTraining` window counts the people in it today; `spaced` days count the
 * people reaching one of them within the next week (docs/product-owners.md).
 */
export async function estimateReach(
  store: Store,
  config: UptakeConfig,
  kind: ItemKind,
  id: string,
  body: unknown,
  now: Date = new Date(),
): Promise<ReachEstimate> {
  const toolIds = config.tools.map((t) => t.id);
  const parsed = parseItem(kind, id, body, { toolIds });
  if (!parsed.ok)
    throw new StudioError('invalid', parsed.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), parsed.issues);
  const { audience, trigger } = parsed.item;
  const tools = parsed.item.tools ?? toolIds;
  const today = now.toISOString().slice(0, 10);
  const min = config.minGroupSize;

  const notEstimated: string[] = [];
  if (trigger.selector !== undefined)
    notEstimated.push(
      `the selector trigger (${trigger.on} on ${trigger.selector}) cannot be estimated: it depends on what people do on the page`,
    );
  if (trigger.url !== undefined)
    notEstimated.push(`the URL trigger (${trigger.url}) cannot be estimated: it depends on the pages people open`);

  const c: ReachConditions = {
    tools,
    today,
    now,
    roles: audience.roles,
    teams: audience.teams,
    cohorts: audience.cohorts,
    programs: audience.programs,
    daysSinceTraining: trigger.daysSinceTraining,
    spaced: trigger.spaced,
    inactiveDays: trigger.inactiveDays,
    event: trigger.event === undefined ? undefined : { name: trigger.event, count: trigger.count ?? 1, withinDays: trigger.withinDays },
  };
  const basis = [`people seen in ${listed(tools)}: a day of AI use or an identify event there`];
  if (audience.roles) basis.push(`role (their latest identify traits) one of ${listed(audience.roles)}`);
  if (audience.teams) basis.push(`team (their latest identify traits) one of ${listed(audience.teams)}`);
  if (audience.cohorts) basis.push(`cohort (imported training) one of ${listed(audience.cohorts)}`);
  if (audience.programs) basis.push(`program (imported training) one of ${listed(audience.programs)}`);
  if (trigger.daysSinceTraining) basis.push(`on day ${trigger.daysSinceTraining[0]}–${trigger.daysSinceTraining[1]} after training today`);
  if (trigger.spaced) basis.push(`reaching day ${listed(trigger.spaced)} after training today or in the next ${spacedAheadDays - 1} days`);
  if (trigger.inactiveDays !== undefined)
    basis.push(`no AI use for ${trigger.inactiveDays} days or more (since training for people who never used it)`);
  if (c.event)
    basis.push(
      `${c.event.name} at least ${c.event.count} time${c.event.count === 1 ? '' : 's'} in ${listed(tools)}${c.event.withinDays === undefined ? '' : ` over the last ${c.event.withinDays} days`}`,
    );
  if (audience.sample < 1) basis.push(`a sample of ${audience.sample} applied as a share: each browser draws its person itself`);
  if (audience.holdout > 0) basis.push(`a holdout of ${audience.holdout} of those drawn, never shown it`);

  let people: string[] = [];
  if (tools.length > 0) {
    const { sql, params } = reachSql(store.dialect, c);
    const rows = await store.query(sql, params);
    people = rows.map((r) => String(r['user_id']));
  }
  const noise = cellKeyNoise(await cellKeySecret(config, store));
  const figures = releaseReach(people, questionOf(c), audience, noise, min);
  return {
    kind,
    id,
    asOf: today,
    tools: [...tools],
    minGroupSize: min,
    figures,
    notEstimated,
    basis,
    summary: summaryOf(figures, notEstimated),
  };
}

/** The estimate in one sentence: the count, who would see it and who is held out, and what is left out. */
function summaryOf(f: ReachFigures, notEstimated: readonly string[]): string {
  const caveat = notEstimated.length ? ` But ${notEstimated.join('; and ')}; the figure counts the rest, so fewer may see it.` : '';
  if (!('about' in f.people)) return `Reaches ${words(f.people)} now: too few to give a number without pointing at someone.${caveat}`;
  const held = f.heldOut ? `, ${words(f.heldOut)} held out` : '';
  return `Reaches ${words(f.people)} now: ${words(f.shown)} would see it${held}.${caveat}`;
}

/** A question in one canonical form: lists sorted and without repeats, the day left out (the people reached change with it). */
function questionOf(c: ReachConditions): string {
  const set = (values: readonly (string | number)[] | undefined) => (values ? [...new Set(values)].sort() : null);
  return JSON.stringify([
    set(c.tools),
    set(c.roles),
    set(c.teams),
    set(c.cohorts),
    set(c.programs),
    c.daysSinceTraining ?? null,
    set(c.spaced),
    c.inactiveDays ?? null,
    c.event ? [c.event.name, c.event.count, c.event.withinDays ?? null] : null,
  ]);
}
