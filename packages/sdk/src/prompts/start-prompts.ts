import { warn } from '../client/warn.js';
import { keyPrefix } from '../identity/local-value.js';
import { assign } from '../rules/audience.js';
import { dayMs } from '../rules/is-due.js';
import type { ExplainInput } from '../rules/explain-due.js';
import { emptyExposure, exposureAction } from '../rules/fold-exposures.js';
import { selectDue } from '../rules/select-due.js';
import { type Quiet, staysQuiet } from '../rules/stays-quiet.js';
import type { Exposure, ExposureHistory, LocalEvent, Person, RuleContext } from '../rules/types.js';
import { unitHash } from '../rules/unit-hash.js';
import type { Props } from '../types.js';
// Lit and both widgets. The script tag's uptake-prompts.js leaves them out (the build empties this
// import) and loads uptake-widgets.js at the first show, so that a page where nothing is due never
// parses nor runs Lit (issue 22); the npm build keeps them here.
import '@uptake/widgets';
import { createDisplay } from './create-display.js';
import { isSurvey, type Item } from './create-widget.js';
import { createLocalList } from './local-list.js';
import { isJournalEntry, type JournalEntry, mergeHistory } from './merge-history.js';
import type { PromptHost, PromptRuntime } from './types.js';

// The prompts chunk also carries the studio's preview widget (the explain chunk fetches the item).
export { previewItem } from './preview-item.js';

/** The DOM events behind a trigger's `on`. */
const domTriggers: Record<string, 'click' | 'focus' | 'hover'> = { click: 'click', focusin: 'focus', mouseover: 'hover' };

const isLocalEvent = (x: unknown): x is LocalEvent =>
  typeof (x as LocalEvent | null)?.name === 'string' && typeof (x as LocalEvent).at === 'number';

/** Whether `selector` is one the browser can match; a bad one in the config disables its item only. */
const validSelector = (selector: string): boolean => {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    warn(`trigger.selector "${selector}" is not a valid CSS selector; its item is never shown`);
    return false;
  }
};

/**
 * Runs the prompts and surveys of one person on one page: looks for what is due when it starts, after
 * each event the SDK records, on the DOM events of `selector` triggers and when the page navigates;
 * shows one thing at a time with the widgets; logs `prompt.shown|held_out|clicked|dismissed` and
 * `survey.shown|answered|dismissed`. What it shows and what the person does is also journaled in
 * `localStorage`, so caps hold across tabs and reloads before the collector has the events.
 */
export function startPrompts(host: PromptHost): PromptRuntime {
  const { config, traits } = host;
  const trait = (key: string) => (typeof traits[key] === 'string' ? (traits[key] as string) : undefined);
  const person: Person = {
    userId: host.userId,
    role: trait('role'),
    team: trait('team'),
    // Program and cohort come from imported training, never from the page (SPEC "Facts come from their source").
    cohort: config.history.cohort ?? undefined,
    program: config.history.program ?? undefined,
    trainedAt: config.history.trainedAt ?? undefined,
    // The rules count inactivity from the end of the last day with use.
    lastUsageAt: config.history.lastUsageDay ? `${config.history.lastUsageDay}T23:59:59.999Z` : undefined,
  };
  const usable = (item: Item) => item.trigger.selector === undefined || validSelector(item.trigger.selector);
  const prompts = config.prompts.filter(usable);
  const surveys = config.surveys.filter(usable);
  const items: Item[] = [...prompts, ...surveys];
  const triggers = items.map((item) => item.trigger);
  // Keys start with the SDK's prefix, so `optOut()` removes them with the rest.
  const key = `${keyPrefix}${config.tool}:${unitHash(host.userId).toString(36).slice(2)}`;
  // An `event` trigger without `withinDays` counts the last 90 days.
  const keepDays = Math.max(1, ...triggers.map((t) => (t.event ? (t.withinDays ?? 90) : 0)));
  const watched = new Set(triggers.flatMap((t) => (t.event ? [t.event] : [])));
  // Written at most once a second (and before anything is journaled, and when the page goes): a
  // busy page records many events, and each write of the list costs it tens of microseconds.
  const log = createLocalList(`${key}:events`, keepDays * dayMs, 200, isLocalEvent, 1000);
  log.add(host.events.flatMap(({ name, at }) => (watched.has(name) ? [{ name, at }] : [])));
  // A week is ample for the collector to have what this browser did; the next page fetches it.
  const journal = createLocalList<JournalEntry>(`${key}:exposures`, 7 * dayMs, 200, isJournalEntry);
  const selectors = triggers.flatMap((t) => (t.selector ? [t.selector] : [])).join(',');
  // The person and the items are fixed for the runtime's life, and so is where the person stands for each.
  const assigned = new Map(items.map((item) => [item, assign(item.audience, person, item.id)]));

  let stopped = false;

  const kind = (item: Item) => (isSurvey(item) ? 'survey' : 'prompt');
  const about = (item: Item): Props => (isSurvey(item) ? { surveyId: item.id } : { promptId: item.id });
  let merged: { version: number; history: ExposureHistory } | undefined;
  /** The person's history with what this browser journaled, merged again only when the journal changed. */
  const history = (): ExposureHistory => {
    const entries = journal.all();
    if (merged?.version !== journal.version()) merged = { version: journal.version(), history: mergeHistory(config.history, entries) };
    return merged.history;
  };
  const book = (h: ExposureHistory, item: Item): Exposure => ((isSurvey(item) ? h.surveys : h.prompts)[item.id] ??= emptyExposure());

  /** Logs an event about `item` and journals what it means for the caps, at the event's own time. */
  const logAbout = (item: Item, name: string, props: Props = {}): void => {
    const ts = host.emit(`${kind(item)}.${name}`, { ...about(item), ...props });
    const action = exposureAction(kind(item), name, props.reason);
    if (!action || !ts) return;
    // Another tab, or the next page, then sees the events that led to it with it.
    log.flush();
    journal.add([{ kind: kind(item), id: item.id, action, at: Date.parse(ts) }]);
  };

  /** The person is in the item's control group: a prompt logs it once (the metrics' control arm); a survey has no such arm. */
  const holdOut = (item: Item, h: ExposureHistory): void => {
    book(h, item).heldOutAt = new Date().toISOString();
    if (!isSurvey(item)) logAbout(item, 'held_out');
  };

  const display = createDisplay((item, name, props) => {
    logAbout(item, name, props);
    // Where the widgets load at the first show, the show is logged after the look that chose it: say why again.
    if (name === 'shown') host.looked?.();
  }, host.widgets);
  const show = display.show;

  /** The first item due in `list` (its exposures in `items`), after logging the control group of those that would have shown first. */
  const pick = (list: readonly Item[], items: Record<string, Exposure>, h: ExposureHistory, ctx: RuleContext): Item | undefined => {
    for (;;) {
      const decision = selectDue(
        list,
        { items, recentShows: h.recentShows },
        config.fatigue,
        ctx,
        false,
        (item) => assigned.get(item) ?? 'excluded',
      );
      if (decision.action === 'show') return decision.item;
      if (decision.action === 'none') return undefined;
      holdOut(decision.item, h);
    }
  };

  /** The page's path and query, read again only when its URL changed (reading `location` costs a microsecond). */
  let where = { href: '', path: '' };
  const pathOf = (href: string): string =>
    where.href === href ? where.path : (where = { href, path: location.pathname + location.search }).path;

  const context = (domEvent?: RuleContext['domEvent'], href = location.href): RuleContext => ({
    now: Date.now(),
    person,
    events: log.all(),
    path: pathOf(href),
    domEvent,
  });

  /** What `uptake.explain()` judges (in a chunk of its own, loaded when asked): this person and page now. */
  const snapshot = (): ExplainInput => ({
    prompts,
    surveys,
    history: history(),
    fatigue: config.fatigue,
    ctx: context(),
    onScreen: display.showing(),
    unusable: [...config.prompts, ...config.surveys].filter((i) => !items.includes(i)).map((i) => ({ kind: kind(i), id: i.id })),
  });

  /**
   * What the last full look found: the items that stay quiet (`staysQuiet`) while the day, the
   * history, the path and what other tabs logged stay as they were then. After a host event, only
   * the others, and those whose trigger counts the event, are looked at again: the same answer as
   * looking at everything, for a fraction of the work.
   */
  let quiet: { day: number; journal: number; log: number; path: string; items: Map<Item, Quiet> } | undefined;
  const exposureOf = (h: ExposureHistory, item: Item): Exposure | undefined => (isSurvey(item) ? h.surveys : h.prompts)[item.id];
  const stays = (item: Item, h: ExposureHistory, ctx: RuleContext) =>
    staysQuiet(item, assigned.get(item) ?? 'excluded', exposureOf(h, item), ctx);

  /** Looks for what is due and shows it; `names`: the host events that prompted the look, if that is all that happened. */
  const evaluate = (domEvent?: RuleContext['domEvent'], href = location.href, names?: ReadonlySet<string>): void => {
    try {
      if (stopped || display.showing() !== undefined || !document.body) return;
      const h = history();
      const ctx = context(domEvent, href);
      const day = Math.floor(ctx.now / dayMs);
      const since = quiet;
      const full =
        !names ||
        !since ||
        since.day !== day ||
        since.journal !== journal.version() ||
        since.log !== log.reads() ||
        since.path !== ctx.path;
      const among = <T extends Item>(list: readonly T[]) =>
        full
          ? list
          : list.filter((i) => {
              const why = since.items.get(i);
              return !why || (why === 'until-its-event' && names.has(i.trigger.event as string));
            });
      const [somePrompts, someSurveys] = [among(prompts), among(surveys)];
      // Prompts first: a tip is worth most at the moment it was triggered; a survey can wait.
      const item = pick(somePrompts, h.prompts, h, ctx) ?? pick(someSurveys, h.surveys, h, ctx);
      if (item) quiet = undefined;
      else if (full) {
        // History as it is now: a hold-out just logged counts.
        const now = history();
        quiet = {
          day,
          journal: journal.version(),
          log: log.reads(),
          path: ctx.path,
          items: new Map(
            items.flatMap((i) => {
              const why = stays(i, now, ctx);
              return why ? [[i, why] as const] : [];
            }),
          ),
        };
      } else if (since) {
        // Only the events can have changed what was quiet (staying loud is always safe).
        for (const i of [...somePrompts, ...someSurveys]) if (since.items.has(i) && !stays(i, history(), ctx)) since.items.delete(i);
        since.journal = journal.version();
      }
      const selector = item?.trigger.selector;
      if (item) show(item, selector ? (domEvent?.target.closest(selector) ?? undefined) : undefined);
      host.looked?.();
    } catch (error) {
      warn(`prompts: ${error}`);
    }
  };

  const onDom = (e: Event): void => {
    try {
      const type = domTriggers[e.type];
      if (type && e.target instanceof Element && e.target.closest(selectors)) evaluate({ type, target: e.target });
    } catch (error) {
      warn(`prompts: ${error}`);
    }
  };
  // Single-page apps change the URL with history.pushState, which fires no event of its own: the
  // Navigation API reports it where there is one; elsewhere the URL is compared once a second.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  let href = location.href;
  const onNavigate = () => {
    href = location.href;
    evaluate(undefined, href);
  };
  const poll = !navigation && triggers.some((t) => t.url) ? setInterval(() => href !== location.href && onNavigate(), 1000) : undefined;
  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    if (selectors) for (const type of Object.keys(domTriggers)) window[method](type, onDom, { capture: true });
    window[method]('popstate', onNavigate);
    window[method]('hashchange', onNavigate);
    navigation?.[method]('navigatesuccess', onNavigate);
  };
  listen(true);
  /** Host events recorded since the last look; the first queues the next look. */
  const names = new Set<string>();
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', onNavigate, { once: true });
  else evaluate();

  return {
    note(event) {
      if (watched.has(event.name)) log.add([{ name: event.name, at: event.at }]);
      // The host's events prompt a look, after the call that recorded them (its `track()` returns
      // before any widget appears); our own do not, or "Not now" could bring the next item at once.
      // Events recorded in one go are looked at once: nothing between them changes what is due.
      if (/^(prompt|survey)\./.test(event.name)) return;
      if (!names.size)
        queueMicrotask(() => {
          href = location.href;
          evaluate(undefined, href, names);
          names.clear();
        });
      names.add(event.name);
    },
    show(id) {
      if (stopped || display.showing() === id) return;
      const item = items.find((i) => i.id === id);
      if (!item) return warn(`show: no prompt or survey "${id}" for this tool`);
      // Asked for by the person or the page: lists and sample do not apply, but the holdout does,
      // drawn by the same hash as always, so both arms get the same share of these people. A
      // person without a team stays out of a team-randomized item here too.
      const arm = assign({ sample: 1, holdout: item.audience.holdout, randomizeBy: item.audience.randomizeBy }, person, item.id);
      if (arm === 'treated') return show(item);
      const h = history();
      if (arm === 'held-out' && !book(h, item).heldOutAt) holdOut(item, h);
    },
    snapshot,
    stop() {
      stopped = true;
      listen(false);
      log.stop();
      journal.stop();
      clearInterval(poll);
      display.stop();
    },
  };
}
