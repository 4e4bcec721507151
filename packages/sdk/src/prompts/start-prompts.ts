import { warn } from '../client/warn.js';
import { redact } from '../privacy/sanitize-props.js';
import { limits } from '../protocol/limits.js';
import { assign } from '../rules/audience.js';
import { dayMs } from '../rules/is-due.js';
import { selectDue } from '../rules/select-due.js';
import type { Exposure, Person, RuleContext } from '../rules/types.js';
import { unitHash } from '../rules/unit-hash.js';
import type { Props } from '../types.js';
import { createWidget, isSurvey, type Item } from './create-widget.js';
import { createEventLog } from './event-log.js';
import type { PromptHost, PromptRuntime } from './types.js';

/** The DOM events behind a trigger's `on`. */
const domTriggers: Record<string, 'click' | 'focus' | 'hover'> = { click: 'click', focusin: 'focus', mouseover: 'hover' };

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
 * each event the SDK records, on the DOM events of `selector` triggers and on history navigation;
 * shows one thing at a time with the widgets; logs `prompt.shown|held_out|clicked|dismissed` and
 * `survey.shown|answered|dismissed`; and keeps its copy of the person's exposure history up to date,
 * so caps hold on this page as they will on the next one.
 */
export function startPrompts(host: PromptHost): PromptRuntime {
  const { config, traits } = host;
  const history = config.history;
  const trait = (key: string) => (typeof traits[key] === 'string' ? (traits[key] as string) : undefined);
  const person: Person = {
    userId: host.userId,
    role: trait('role'),
    team: trait('team'),
    cohort: trait('cohort'),
    program: trait('program'),
    trainedAt: history.trainedAt ?? undefined,
    lastUsageAt: history.lastUsageAt ?? undefined,
  };
  const usable = (item: Item) => item.trigger.selector === undefined || validSelector(item.trigger.selector);
  const prompts = config.prompts.filter(usable);
  const surveys = config.surveys.filter(usable);
  const items: Item[] = [...prompts, ...surveys];
  const triggers = items.map((item) => item.trigger);
  // An `event` trigger without `withinDays` counts the last 90 days.
  const keepDays = Math.max(1, ...triggers.map((t) => (t.event ? (t.withinDays ?? 90) : 0)));
  const watched = new Set(triggers.flatMap((t) => (t.event ? [t.event] : [])));
  const log = createEventLog(`uptake:events:${config.tool}:${unitHash(host.userId).toString(36).slice(2)}`, watched, keepDays * dayMs);
  log.add(host.events);
  const selectors = triggers.flatMap((t) => (t.selector ? [t.selector] : [])).join(',');

  let current: HTMLElement | undefined;
  let stopped = false;

  const exposure = (item: Item): Exposure =>
    ((isSurvey(item) ? history.surveys : history.prompts)[item.id] ??= { shows: 0, lastShown: null, heldOutAt: null, dismissed: false, lastSnoozed: null, lastAnswered: null });
  const about = (item: Item): Props => (isSurvey(item) ? { surveyId: item.id } : { promptId: item.id });
  const kind = (item: Item) => (isSurvey(item) ? 'survey' : 'prompt');
  const now = () => new Date().toISOString();

  /** The person is in the item's control group: a prompt logs it once (the metrics' control arm); a survey has no such arm. */
  const holdOut = (item: Item): void => {
    exposure(item).heldOutAt = now();
    if (!isSurvey(item)) host.emit('prompt.held_out', { promptId: item.id });
  };

  const close = (el: HTMLElement): void => {
    el.remove();
    if (current === el) current = undefined;
  };

  const show = (item: Item, anchor?: Element): void => {
    if (current) close(current);
    const el = createWidget(item, anchor);
    const seen = exposure(item);
    const at = now();
    seen.shows++;
    seen.lastShown = at;
    history.recentShows.unshift(at);
    el.addEventListener('uptake-action', () => host.emit('prompt.clicked', { promptId: item.id }));
    el.addEventListener('uptake-answer', (e) => {
      const { questionId, value } = e.detail;
      seen.lastAnswered = now();
      host.emit('survey.answered', { surveyId: item.id, questionId, value: typeof value === 'string' ? redact(value, limits.surveyValueMaxLength) : value });
    });
    el.addEventListener('uptake-request-close', (e) => {
      const { reason } = e.detail;
      // A listener of the host page further up may cancel the close: judge once the event is through.
      queueMicrotask(() => {
        if (e.defaultPrevented) return;
        close(el);
        // The action was logged as a click, the end of a survey by its answers.
        if (reason === 'action' || reason === 'done') return;
        // "Don't show again" ends a prompt; closing a survey, "Not now" and Escape wait for the cooldown.
        if (reason === 'dismiss' && !isSurvey(item)) seen.dismissed = true;
        else seen.lastSnoozed = now();
        host.emit(`${kind(item)}.dismissed`, { ...about(item), reason });
      });
    });
    current = el;
    document.body.append(el);
    host.emit(`${kind(item)}.shown`, about(item));
  };

  /** The first item due in `list`, after logging the control group of those that would have shown first. */
  const pick = (list: readonly Item[], book: Record<string, Exposure>, ctx: RuleContext): Item | undefined => {
    for (;;) {
      const decision = selectDue(list, { items: book, recentShows: history.recentShows }, config.fatigue, ctx, false);
      if (decision.action === 'show') return decision.item;
      if (decision.action === 'none') return undefined;
      holdOut(decision.item);
    }
  };

  const evaluate = (domEvent?: RuleContext['domEvent']): void => {
    try {
      if (stopped || current || !document.body) return;
      const ctx: RuleContext = { now: Date.now(), person, events: log.all(), path: location.pathname + location.search, domEvent };
      // Prompts first: a tip is worth most at the moment it was triggered; a survey can wait.
      const item = pick(prompts, history.prompts, ctx) ?? pick(surveys, history.surveys, ctx);
      const selector = item?.trigger.selector;
      if (item) show(item, selector ? domEvent?.target.closest(selector) ?? undefined : undefined);
    } catch (error) {
      warn(`prompts: ${error}`);
    }
  };

  const onDom = (e: Event): void => {
    const type = domTriggers[e.type];
    if (type && e.target instanceof Element && e.target.closest(selectors)) evaluate({ type, target: e.target });
  };
  const onNavigate = () => evaluate();
  const listen = (on: boolean) => {
    const method = on ? addEventListener : removeEventListener;
    if (selectors) for (const type of Object.keys(domTriggers)) method(type, onDom, { capture: true });
    method('popstate', onNavigate);
    method('hashchange', onNavigate);
  };
  listen(true);
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', onNavigate, { once: true });
  else evaluate();

  return {
    note(event) {
      log.add([event]);
      // After the call that recorded it: the host page's `track()` returns before any widget appears.
      queueMicrotask(onNavigate);
    },
    show(id) {
      if (stopped) return;
      const item = items.find((i) => i.id === id);
      if (!item) return warn(`show: no prompt or survey "${id}" for this tool`);
      if (assign(item.audience, person, item.id) !== 'held-out') return show(item);
      if (!exposure(item).heldOutAt) holdOut(item);
    },
    stop() {
      stopped = true;
      listen(false);
      if (current) close(current);
    },
  };
}
