import { warn } from '../client/warn.js';
import { keyPrefix } from '../identity/local-value.js';
import { redact } from '../privacy/sanitize-props.js';
import { surveyValueMaxLength } from '../protocol/limits.js';
import { assign } from '../rules/audience.js';
import { dayMs } from '../rules/is-due.js';
import type { ExplainInput } from '../rules/explain-due.js';
import { emptyExposure, exposureAction } from '../rules/fold-exposures.js';
import { selectDue } from '../rules/select-due.js';
import type { Exposure, ExposureHistory, LocalEvent, Person, RuleContext } from '../rules/types.js';
import { unitHash } from '../rules/unit-hash.js';
import type { Props } from '../types.js';
import { createWidget, isSurvey, type Item } from './create-widget.js';
import { createLocalList } from './local-list.js';
import { isJournalEntry, type JournalEntry, mergeHistory } from './merge-history.js';
import type { PromptHost, PromptRuntime } from './types.js';

// The prompts chunk also carries the studio's preview.
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
  const log = createLocalList(`${key}:events`, keepDays * dayMs, 200, isLocalEvent);
  const remember = (events: readonly LocalEvent[]) =>
    log.add(events.filter((e) => watched.has(e.name)).map(({ name, at }) => ({ name, at })));
  remember(host.events);
  // A week is ample for the collector to have what this browser did; the next page fetches it.
  const journal = createLocalList<JournalEntry>(`${key}:exposures`, 7 * dayMs, 200, isJournalEntry);
  const selectors = triggers.flatMap((t) => (t.selector ? [t.selector] : [])).join(',');

  let current: { el: HTMLElement; id: string } | undefined;
  let stopped = false;

  const kind = (item: Item) => (isSurvey(item) ? 'survey' : 'prompt');
  const about = (item: Item): Props => (isSurvey(item) ? { surveyId: item.id } : { promptId: item.id });
  const history = (): ExposureHistory => mergeHistory(config.history, journal.all());
  const book = (h: ExposureHistory, item: Item): Exposure => ((isSurvey(item) ? h.surveys : h.prompts)[item.id] ??= emptyExposure());

  /** Logs an event about `item` and journals what it means for the caps, at the event's own time. */
  const logAbout = (item: Item, name: string, props: Props = {}): void => {
    const ts = host.emit(`${kind(item)}.${name}`, { ...about(item), ...props });
    const action = exposureAction(kind(item), name, props.reason);
    if (action && ts) journal.add([{ kind: kind(item), id: item.id, action, at: Date.parse(ts) }]);
  };

  /** The person is in the item's control group: a prompt logs it once (the metrics' control arm); a survey has no such arm. */
  const holdOut = (item: Item, h: ExposureHistory): void => {
    book(h, item).heldOutAt = new Date().toISOString();
    if (!isSurvey(item)) logAbout(item, 'held_out');
  };

  const close = (el: HTMLElement): void => {
    el.remove();
    if (current?.el === el) current = undefined;
  };

  const show = (item: Item, anchor?: Element): void => {
    if (current) close(current.el);
    const el = createWidget(item, anchor);
    el.addEventListener('uptake-action', () => logAbout(item, 'clicked'));
    el.addEventListener('uptake-answer', (e) => {
      const { questionId, value } = e.detail;
      logAbout(item, 'answered', {
        questionId,
        value: typeof value === 'string' ? redact(value, surveyValueMaxLength) : value,
      });
    });
    el.addEventListener('uptake-request-close', (e) => {
      const { reason } = e.detail;
      // A listener of the host page further up may cancel the close: judge once the event is through.
      queueMicrotask(() => {
        if (e.defaultPrevented) return;
        close(el);
        // The action was logged as a click, the end of a survey by its answers.
        if (reason === 'action' || reason === 'done') return;
        // "Don't show again" ends a prompt; closing a survey, "Not now" and Escape wait for the cooldown (exposureAction).
        logAbout(item, 'dismissed', { reason });
      });
    });
    current = { el, id: item.id };
    document.body.append(el);
    logAbout(item, 'shown');
  };

  /** The first item due in `list` (its exposures in `items`), after logging the control group of those that would have shown first. */
  const pick = (list: readonly Item[], items: Record<string, Exposure>, h: ExposureHistory, ctx: RuleContext): Item | undefined => {
    for (;;) {
      const decision = selectDue(list, { items, recentShows: h.recentShows }, config.fatigue, ctx, false);
      if (decision.action === 'show') return decision.item;
      if (decision.action === 'none') return undefined;
      holdOut(decision.item, h);
    }
  };

  const context = (domEvent?: RuleContext['domEvent']): RuleContext => ({
    now: Date.now(),
    person,
    events: log.all(),
    path: location.pathname + location.search,
    domEvent,
  });

  /** What `uptake.explain()` judges (in a chunk of its own, loaded when asked): this person and page now. */
  const snapshot = (): ExplainInput => ({
    prompts,
    surveys,
    history: history(),
    fatigue: config.fatigue,
    ctx: context(),
    onScreen: current?.id,
    unusable: [...config.prompts, ...config.surveys].filter((i) => !items.includes(i)).map((i) => ({ kind: kind(i), id: i.id })),
  });

  const evaluate = (domEvent?: RuleContext['domEvent']): void => {
    try {
      if (stopped || current || !document.body) return;
      const h = history();
      const ctx = context(domEvent);
      // Prompts first: a tip is worth most at the moment it was triggered; a survey can wait.
      const item = pick(prompts, h.prompts, h, ctx) ?? pick(surveys, h.surveys, h, ctx);
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
    evaluate();
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
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', onNavigate, { once: true });
  else evaluate();

  return {
    note(event) {
      remember([event]);
      // The host's events prompt a look, after the call that recorded them (its `track()` returns
      // before any widget appears); our own do not, or "Not now" could bring the next item at once.
      if (!/^(prompt|survey)\./.test(event.name)) queueMicrotask(onNavigate);
    },
    show(id) {
      if (stopped || current?.id === id) return;
      const item = items.find((i) => i.id === id);
      if (!item) return warn(`show: no prompt or survey "${id}" for this tool`);
      // Asked for by the person or the page: lists and sample do not apply, but the holdout does,
      // drawn by the same hash as always, so both arms get the same share of these people.
      if (assign({ sample: 1, holdout: item.audience.holdout }, person, item.id) === 'treated') return show(item);
      const h = history();
      if (!book(h, item).heldOutAt) holdOut(item, h);
    },
    snapshot,
    stop() {
      stopped = true;
      listen(false);
      clearInterval(poll);
      if (current) close(current.el);
    },
  };
}
