import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UptakePromptElement, UptakePulseElement } from '@uptake/widgets';
import { assign } from '../../src/rules/audience.js';
import { startPrompts } from '../../src/prompts/start-prompts.js';
import type { PromptItem, PromptRuntime, SurveyItem, ConfigForPerson } from '../../src/prompts/types.js';
import { persistOptOut } from '../../src/privacy/opt-out.js';
import type { LocalEvent } from '../../src/rules/types.js';
import type { Props } from '../../src/types.js';

const everyone = { sample: 1, holdout: 0 };
const often = { maxShows: 3, cooldownDays: 3 };

const critiqueTip: PromptItem = {
  id: 'critique-tip',
  audience: everyone,
  trigger: { event: 'ai.output_rejected', count: 2, withinDays: 1 },
  content: {
    title: 'Ask it to critique first',
    body: 'Paste your draft and ask for a critique.',
    action: { label: 'Show me', href: '/guides/critique' },
  },
  frequency: often,
};

const behaviorCheck: SurveyItem = {
  id: 'behavior-check',
  audience: everyone,
  trigger: { daysSinceTraining: [88, 100] },
  frequency: often,
  questions: [
    { id: 'applied', type: 'choice', text: 'Did you apply something from your AI training?', options: ['yes', 'no'], required: false },
    { id: 'example', type: 'text', text: 'Describe one specific way.', minLength: 20, required: false },
  ],
};

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

function configWith(prompts: PromptItem[], surveys: SurveyItem[] = [], trainedAt: string | null = null): ConfigForPerson {
  return {
    tool: 'assistant',
    fatigue: { perDay: 5, perWeek: 10 },
    prompts,
    surveys,
    history: { prompts: {}, surveys: {}, recentShows: [], trainedAt, lastUsageDay: null, program: null, cohort: null },
  };
}

let runtime: PromptRuntime | undefined;
let logged: { name: string; props: Props }[] = [];

/** Starts the runtime the way the SDK does; what it logs lands in `logged`, and is noted back like the SDK's own events. */
function start(config: ConfigForPerson, { userId = 'u-1', traits = {}, events = [] as LocalEvent[] } = {}) {
  runtime?.stop();
  // As in the SDK: what the runtime logs while it starts is not noted back to it (it is not assigned yet).
  let rt: PromptRuntime | undefined;
  rt = startPrompts({
    config,
    userId,
    traits,
    events,
    emit: (name, props) => {
      const at = Date.now();
      logged.push({ name, props });
      rt?.note({ name, at });
      return new Date(at).toISOString();
    },
  });
  runtime = rt;
  return rt;
}

const note = async (name: string) => {
  runtime?.note({ name, at: Date.now() });
  await Promise.resolve();
};
const prompt = () => document.querySelector('uptake-prompt') as UptakePromptElement | null;
const pulse = () => document.querySelector('uptake-pulse') as UptakePulseElement | null;
const part = (el: Element | null, name: string) => el?.shadowRoot?.querySelector(`[part~="${name}"]`) as HTMLElement | null;
const settle = async (el: UptakePromptElement | UptakePulseElement | null) => {
  await el?.updateComplete;
  await Promise.resolve();
};
const names = () => logged.map((e) => e.name);
/** What the runtime journaled in localStorage (the only journal: each test starts with an empty storage). */
const journal = (): { action: string; at: number }[] =>
  JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':exposures')) ?? '') ?? '[]');

/** A user id that the item's audience assigns as asked: assignment is a hash, so we search for one. */
function userAssigned(item: PromptItem, wanted: 'treated' | 'held-out'): string {
  for (let i = 0; ; i++) if (assign(item.audience, { userId: `u-${i}` }, item.id) === wanted) return `u-${i}`;
}

beforeEach(() => {
  logged = [];
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  runtime?.stop();
  runtime = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('startPrompts', () => {
  it('shows a prompt when its event trigger is met, as a toast, and logs prompt.shown', async () => {
    start(configWith([critiqueTip]));
    await note('ai.output_rejected');
    expect(prompt()).toBeNull();
    await note('ai.output_rejected');
    const el = prompt();
    expect(el).not.toBeNull();
    expect([el?.promptId, el?.heading, el?.actionHref, el?.placement]).toEqual([
      'critique-tip',
      'Ask it to critique first',
      '/guides/critique',
      'toast',
    ]);
    expect(logged).toEqual([{ name: 'prompt.shown', props: { promptId: 'critique-tip' } }]);
  });

  it('counts the events of the page before it started, and those of earlier pages kept in this browser', async () => {
    start(configWith([critiqueTip]), { events: [{ name: 'ai.output_rejected', at: Date.now() - 1000 }] });
    runtime?.stop();
    logged = [];
    // The next page: one more rejection makes two within the day.
    start(configWith([critiqueTip]));
    expect(prompt()).toBeNull();
    await note('ai.output_rejected');
    expect(prompt()?.promptId).toBe('critique-tip');
    expect(names()).toEqual(['prompt.shown']);
  });

  it('does not count events older than withinDays, nor those of another person in this browser', async () => {
    start(configWith([critiqueTip]), { events: [{ name: 'ai.output_rejected', at: Date.now() - 2 * 86_400_000 }] });
    await note('ai.output_rejected');
    expect(prompt()).toBeNull();
    start(configWith([critiqueTip]), { userId: 'u-2' });
    await note('ai.output_rejected');
    expect(prompt()).toBeNull();
  });

  it('logs prompt.held_out once, at the moment the prompt would have shown, for a person in the holdout', async () => {
    const tip = { ...critiqueTip, audience: { sample: 1, holdout: 0.5 } };
    start(configWith([tip]), { userId: userAssigned(tip, 'held-out') });
    await note('ai.output_rejected');
    expect(logged).toEqual([]);
    await note('ai.output_rejected');
    await note('ai.output_rejected');
    expect(prompt()).toBeNull();
    expect(logged).toEqual([{ name: 'prompt.held_out', props: { promptId: 'critique-tip' } }]);
  });

  it('logs prompt.clicked for the action and closes the card without a dismissal', async () => {
    const tip = { ...critiqueTip, content: { title: 't', body: '', action: { label: 'Try it', event: 'open-critique' } } };
    const actions: unknown[] = [];
    document.addEventListener('uptake-action', (e) => actions.push(e.detail), { once: true });
    start(configWith([{ ...tip, trigger: { url: '/*' } }]));
    const el = prompt();
    await settle(el);
    part(el, 'action')?.click();
    await settle(el);
    expect(names()).toEqual(['prompt.shown', 'prompt.clicked']);
    expect(actions).toEqual([{ promptId: 'critique-tip', event: 'open-critique' }]);
    expect(prompt()).toBeNull();
  });

  it('"Not now" snoozes until the cooldown; "Don\'t show again" ends the prompt', async () => {
    const tip = { ...critiqueTip, trigger: { event: 'ai.request' } };
    start(configWith([tip]));
    await note('ai.request');
    await settle(prompt());
    part(prompt(), 'snooze')?.click();
    await settle(prompt());
    expect(prompt()).toBeNull();
    await note('ai.request');
    expect(prompt()).toBeNull();
    expect(logged.slice(1)).toEqual([{ name: 'prompt.dismissed', props: { promptId: 'critique-tip', reason: 'snooze' } }]);

    // A new page three days later: the cooldown is over, and the card offers both choices again.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3 * 86_400_000);
    logged = [];
    start(configWith([tip]));
    await note('ai.request');
    await settle(prompt());
    part(prompt(), 'dismiss')?.click();
    await settle(prompt());
    expect(logged).toEqual([
      { name: 'prompt.shown', props: { promptId: 'critique-tip' } },
      { name: 'prompt.dismissed', props: { promptId: 'critique-tip', reason: 'dismiss' } },
    ]);
    expect(journal().map((e) => e.action)).toEqual(['shown', 'snoozed', 'shown', 'dismissed']);
    // For good: even long after the cooldown.
    vi.setSystemTime(Date.now() + 30 * 86_400_000);
    logged = [];
    start(configWith([tip]));
    await note('ai.request');
    expect(logged).toEqual([]);
  });

  it('leaves the card open when the host page cancels the close, and logs nothing', async () => {
    document.addEventListener('uptake-request-close', (e) => e.preventDefault(), { once: true });
    start(configWith([{ ...critiqueTip, trigger: { url: '/*' } }]));
    await settle(prompt());
    part(prompt(), 'snooze')?.click();
    await settle(prompt());
    expect(prompt()?.hidden).toBe(false);
    expect(names()).toEqual(['prompt.shown']);
  });

  it('shows one thing at a time, and no more than the fatigue caps allow', async () => {
    const a = { ...critiqueTip, id: 'a', trigger: { event: 'ai.request' } };
    const b = { ...critiqueTip, id: 'b', trigger: { event: 'ai.request' } };
    const config = { ...configWith([a, b]), fatigue: { perDay: 1, perWeek: 3 } };
    start(config);
    await note('ai.request');
    await note('ai.request');
    expect(document.querySelectorAll('uptake-prompt')).toHaveLength(1);
    await settle(prompt());
    part(prompt(), 'snooze')?.click();
    await settle(prompt());
    await note('ai.request');
    expect(prompt()).toBeNull();
    expect(names()).toEqual(['prompt.shown', 'prompt.dismissed']);
  });

  it('anchors a selector-triggered prompt next to the element it fired on', async () => {
    document.body.innerHTML = '<div class="composer"><button id="send">Send</button></div><button id="other">Other</button>';
    start(configWith([{ ...critiqueTip, trigger: { selector: '.composer button', on: 'click' } }]));
    (document.getElementById('other') as HTMLButtonElement).click();
    expect(prompt()).toBeNull();
    (document.getElementById('send') as HTMLButtonElement).click();
    expect(prompt()?.placement).toBe('anchor');
    expect(prompt()?.anchor).toBe(document.getElementById('send'));
  });

  it('ignores an item whose selector is not valid CSS, with one warning, and runs the others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    start(
      configWith([
        { ...critiqueTip, id: 'bad', trigger: { selector: 'button[', on: 'click' } },
        { ...critiqueTip, trigger: { event: 'ai.request' } },
      ]),
    );
    document.body.append(Object.assign(document.createElement('button'), { id: 'b' }));
    (document.getElementById('b') as HTMLButtonElement).click();
    await note('ai.request');
    expect(prompt()?.promptId).toBe('critique-tip');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('trigger.selector "button[" is not a valid CSS selector'));
  });

  it('looks again when the page navigates (url trigger)', async () => {
    history.replaceState(null, '', '/home');
    start(configWith([{ ...critiqueTip, trigger: { url: '/reports/*' } }]));
    expect(prompt()).toBeNull();
    history.pushState(null, '', '/reports/q3');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(prompt()?.promptId).toBe('critique-tip');
    history.replaceState(null, '', '/');
  });

  it("a single-page app's pushState is seen without any event (the URL is compared once a second where there is no Navigation API)", async () => {
    expect((window as { navigation?: unknown }).navigation).toBeUndefined();
    history.replaceState(null, '', '/home');
    start(configWith([{ ...critiqueTip, trigger: { url: '/reports/*' } }]));
    history.pushState(null, '', '/reports/q4');
    await new Promise((r) => setTimeout(r, 1100));
    expect(prompt()?.promptId).toBe('critique-tip');
    history.replaceState(null, '', '/');
  });

  it('caps hold across tabs: a tip shown in one tab is not shown again in another', async () => {
    const tip = { ...critiqueTip, trigger: { event: 'ai.request' } };
    const tabA = startPrompts({
      config: configWith([tip]),
      userId: 'u-1',
      traits: {},
      events: [],
      emit: (name, props) => {
        logged.push({ name, props });
        return new Date().toISOString();
      },
    });
    tabA.note({ name: 'ai.request', at: Date.now() });
    await Promise.resolve();
    expect(names()).toEqual(['prompt.shown']);
    // Tab B fetched the same history before A showed anything.
    start(configWith([tip]));
    await note('ai.request');
    expect(names()).toEqual(['prompt.shown']);
    expect(document.querySelectorAll('uptake-prompt')).toHaveLength(1);
    tabA.stop();
  });

  it('a reload before the events reached the collector keeps the caps and logs held_out once', async () => {
    const tip = { ...critiqueTip, audience: { sample: 1, holdout: 0.5 }, trigger: { event: 'ai.request' } };
    const user = userAssigned(tip, 'held-out');
    start(configWith([tip]), { userId: user });
    await note('ai.request');
    start(configWith([tip]), { userId: user });
    await note('ai.request');
    expect(logged).toEqual([{ name: 'prompt.held_out', props: { promptId: 'critique-tip' } }]);

    const shown = { ...critiqueTip, id: 'shown-tip', trigger: { event: 'ai.request' } };
    logged = [];
    start(configWith([shown]));
    await note('ai.request');
    start(configWith([shown]));
    await note('ai.request');
    expect(names()).toEqual(['prompt.shown']);
  });

  it('does not count a show twice once the collector has it (same time in its history)', async () => {
    const tip = { ...critiqueTip, trigger: { event: 'ai.request' }, frequency: { maxShows: 2, cooldownDays: 0 } };
    start(configWith([tip]));
    await note('ai.request');
    await settle(prompt());
    part(prompt(), 'snooze')?.click();
    await settle(prompt());
    const at = journal()[0]!.at;
    // The next page: the collector's history has that show; a second show is still allowed (maxShows 2).
    const next = configWith([tip]);
    next.history.prompts['critique-tip'] = {
      shows: 1,
      lastShown: new Date(at).toISOString(),
      heldOutAt: null,
      dismissed: false,
      lastSnoozed: null,
      lastAnswered: null,
    };
    next.history.recentShows = [new Date(at).toISOString()];
    logged = [];
    start(next);
    await note('ai.request');
    expect(names()).toEqual(['prompt.shown']);
  });

  it('optOut() removes what it keeps in localStorage (event times and exposures)', async () => {
    start(configWith([{ ...critiqueTip, trigger: { event: 'ai.request' } }]));
    await note('ai.request');
    expect(Object.keys(localStorage).filter((k) => k.endsWith(':events') || k.endsWith(':exposures'))).toHaveLength(2);
    persistOptOut();
    expect(Object.keys(localStorage)).toEqual(['uptake.optOut']);
  });

  it('runs the behaviour check around day 90: survey.shown, each answer as given (redacted), closed when done', async () => {
    start(configWith([], [behaviorCheck], daysAgo(90)));
    const el = pulse();
    await settle(el);
    expect(el?.survey?.id).toBe('behavior-check');
    (el!.shadowRoot!.querySelector('input[value="yes"]') as HTMLInputElement).click();
    part(el, 'next')?.click();
    await settle(el);
    (el?.shadowRoot?.querySelector('[name="answer"]') as HTMLTextAreaElement).value =
      'I sent the critique to ann@corp.example before the review.';
    part(el, 'next')?.click();
    await settle(el);
    part(el, 'done')?.click();
    await settle(el);
    expect(pulse()).toBeNull();
    expect(logged).toEqual([
      { name: 'survey.shown', props: { surveyId: 'behavior-check' } },
      { name: 'survey.answered', props: { surveyId: 'behavior-check', questionId: 'applied', value: 'yes' } },
      {
        name: 'survey.answered',
        props: { surveyId: 'behavior-check', questionId: 'example', value: 'I sent the critique to [redacted] before the review.' },
      },
    ]);
  });

  it('logs survey.dismissed when a survey is closed before its end, as "not now"', async () => {
    const config = configWith([], [behaviorCheck], daysAgo(95));
    start(config);
    await settle(pulse());
    part(pulse(), 'close')?.click();
    await settle(pulse());
    expect(pulse()).toBeNull();
    expect(logged.slice(1)).toEqual([{ name: 'survey.dismissed', props: { surveyId: 'behavior-check', reason: 'dismiss' } }]);
    expect(journal().map((e) => e.action)).toEqual(['shown', 'snoozed']);
  });

  it('offers a recurring survey again everyDays after the last answer, not before; answered on this page, not again on reload', async () => {
    const confidence: SurveyItem = { ...behaviorCheck, id: 'confidence', trigger: { url: '/*' }, recurrence: { everyDays: 90 } };
    const answeredAgo = (days: number) => {
      const config = configWith([], [confidence]);
      const at = new Date(Date.now() - days * 86_400_000).toISOString();
      config.history.surveys['confidence'] = {
        shows: 1,
        lastShown: at,
        heldOutAt: null,
        dismissed: false,
        lastSnoozed: null,
        lastAnswered: at,
      };
      return config;
    };
    start(answeredAgo(89));
    expect(pulse()).toBeNull();
    start(answeredAgo(91));
    const el = pulse();
    await settle(el);
    expect(el?.survey?.id).toBe('confidence');
    (el!.shadowRoot!.querySelector('input[value="no"]') as HTMLInputElement).click();
    part(el, 'next')?.click();
    await settle(el);
    expect(logged.at(-1)).toEqual({ name: 'survey.answered', props: { surveyId: 'confidence', questionId: 'applied', value: 'no' } });
    runtime?.stop();
    start(answeredAgo(91));
    expect(pulse()).toBeNull();
  });

  it('shows a prompt before a survey when both are due', async () => {
    start(configWith([{ ...critiqueTip, trigger: { url: '/*' } }], [behaviorCheck], daysAgo(90)));
    expect(prompt()).not.toBeNull();
    expect(pulse()).toBeNull();
  });

  it('show(id) shows an item whatever its trigger, once, replacing what is on screen; a held-out person is logged instead', async () => {
    const tip = { ...critiqueTip, audience: { sample: 1, holdout: 0.5 } };
    start(configWith([tip], [behaviorCheck]), { userId: userAssigned(tip, 'treated') });
    runtime?.show('critique-tip');
    runtime?.show('critique-tip');
    expect(prompt()?.promptId).toBe('critique-tip');
    runtime?.show('behavior-check');
    expect(prompt()).toBeNull();
    expect(pulse()?.survey?.id).toBe('behavior-check');
    expect(names()).toEqual(['prompt.shown', 'survey.shown']);

    document.body.innerHTML = '';
    logged = [];
    start(configWith([tip]), { userId: userAssigned(tip, 'held-out') });
    runtime?.show('critique-tip');
    runtime?.show('critique-tip');
    expect(prompt()).toBeNull();
    expect(logged).toEqual([{ name: 'prompt.held_out', props: { promptId: 'critique-tip' } }]);
  });

  it('show(id) ignores the audience lists and sample but draws the holdout, so both arms get the same share of those who asked', async () => {
    const tip = { ...critiqueTip, audience: { roles: ['leader'], sample: 0.01, holdout: 0.5 } };
    const arms = { treated: 0, held: 0 };
    for (let i = 0; i < 400; i++) {
      logged = [];
      start(configWith([tip]), { userId: `asker-${i}`, traits: { role: 'executive' } });
      runtime?.show('critique-tip');
      if (names()[0] === 'prompt.shown') arms.treated++;
      else if (names()[0] === 'prompt.held_out') arms.held++;
      document.body.innerHTML = '';
    }
    expect(arms.treated + arms.held).toBe(400);
    expect(arms.held / 400).toBeGreaterThan(0.4);
    expect(arms.held / 400).toBeLessThan(0.6);
  });

  it('randomized by team: team-mates share an arm, and a person without a team trait is never shown, held out nor logged', async () => {
    const tip = { ...critiqueTip, audience: { sample: 1, holdout: 0.5, randomizeBy: 'team' as const }, trigger: { event: 'ai.request' } };
    const armOf = async (userId: string, traits: Record<string, string>) => {
      logged = [];
      start(configWith([tip]), { userId, traits });
      await note('ai.request');
      runtime?.show('critique-tip');
      const arm = names();
      document.body.innerHTML = '';
      localStorage.clear();
      return arm;
    };
    expect(await armOf('no-team', {})).toEqual([]);
    const arms = new Set<string>();
    for (let team = 0; team < 6; team++) {
      const first = await armOf(`a-${team}`, { team: `team-${team}` });
      expect(first).toHaveLength(1);
      for (const mate of ['b', 'c']) expect(await armOf(`${mate}-${team}`, { team: `team-${team}` })).toEqual(first);
      arms.add(first[0] as string);
    }
    // Six teams at a 50% holdout fall in both arms with this draw: the test would pass vacuously otherwise.
    expect([...arms].sort()).toEqual(['prompt.held_out', 'prompt.shown']);
  });

  it('show(id) of an unknown id warns and shows nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    start(configWith([critiqueTip]));
    runtime?.show('nope');
    expect(prompt()).toBeNull();
    expect(warn).toHaveBeenCalledWith('[uptake] show: no prompt or survey "nope" for this tool');
  });

  it('respects the audience lists with the traits from identify', async () => {
    const tip = { ...critiqueTip, audience: { roles: ['professional'], sample: 1, holdout: 0 }, trigger: { event: 'ai.request' } };
    start(configWith([tip]), { traits: { role: 'leader' } });
    await note('ai.request');
    expect(prompt()).toBeNull();
    start(configWith([tip]), { traits: { role: 'professional' } });
    await note('ai.request');
    expect(prompt()).not.toBeNull();
  });

  it('stop() removes what is on screen and stops listening, to events and to the DOM', async () => {
    document.body.innerHTML = '<button id="send">Send</button>';
    start(
      configWith([
        { ...critiqueTip, trigger: { event: 'ai.request' } },
        { ...critiqueTip, id: 'dom', trigger: { selector: '#send', on: 'click' } },
      ]),
    );
    await note('ai.request');
    expect(prompt()).not.toBeNull();
    runtime?.stop();
    expect(prompt()).toBeNull();
    await note('ai.request');
    (document.getElementById('send') as HTMLButtonElement).click();
    expect(prompt()).toBeNull();
    expect(names()).toEqual(['prompt.shown']);
  });
});

describe('startPrompts after host events (it looks only at what an event can change)', () => {
  it('a tip cooling down shows at the first event after its cooldown, whatever the event', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const tip = { ...critiqueTip, trigger: { url: '/*' }, frequency: { maxShows: 3, cooldownDays: 1 } };
    const config = configWith([tip]);
    config.history.prompts['critique-tip'] = {
      shows: 1,
      lastShown: new Date(Date.now() - 86_400_000 + 60_000).toISOString(),
      heldOutAt: null,
      dismissed: false,
      lastSnoozed: null,
      lastAnswered: null,
    };
    start(config);
    await note('report.generated');
    expect(prompt()).toBeNull();
    vi.setSystemTime(Date.now() + 61_000);
    await note('report.generated');
    expect(prompt()?.promptId).toBe('critique-tip');
  });

  it('a survey due from a day on shows at the first event of that day; an event tip at its own event only', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-11-22T23:59:00Z'));
    start(configWith([critiqueTip], [behaviorCheck], '2026-08-27'));
    await note('ai.output_rejected');
    await note('report.generated');
    expect(pulse()).toBeNull();
    expect(prompt()).toBeNull();
    vi.setSystemTime(Date.parse('2026-11-23T00:00:30Z'));
    await note('report.generated');
    expect(pulse()?.survey?.id).toBe('behavior-check');
  });

  it('a tip whose event comes shows at once, though nothing else changed', async () => {
    start(configWith([critiqueTip, { ...critiqueTip, id: 'other', trigger: { daysSinceTraining: [88, 100] } }], [], daysAgo(10)));
    await note('report.generated');
    await note('ai.output_rejected');
    expect(prompt()).toBeNull();
    await note('ai.output_rejected');
    expect(prompt()?.promptId).toBe('critique-tip');
  });
});
