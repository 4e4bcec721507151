import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configCommand } from '../../src/cli/config-command.js';
import { checkConfig } from '../../src/config/load-config.js';
import { unreachableItems } from '../../src/prompts/unreachable-items.js';

const base = {
  tools: [
    { id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified' },
    { id: 'other', writeKey: 'wk_other', identity: 'unverified' },
  ],
  adminToken: 'env:UPTAKE_ADMIN_TOKEN',
};
const dailyTip = {
  id: 'daily-tip',
  trigger: { daysSinceTraining: [0, 30] },
  content: { title: 'A tip a day' },
  frequency: { maxShows: 40, cooldownDays: 1 },
};
const pulse = {
  id: 'confidence-pulse',
  trigger: { daysSinceTraining: [14, 20] },
  questions: [{ id: 'confidence', type: 'scale', text: 'How confident?' }],
};
const warnings = (raw: Record<string, unknown>) => unreachableItems(checkConfig({ ...base, ...raw }));

describe('config check: items the fatigue caps leave no room for', () => {
  it('a survey whose days a daily tip takes, with the default one item a day', () => {
    expect(warnings({ prompts: [dailyTip], surveys: [pulse] })).toEqual([
      'surveys[0] "confidence-pulse" is never shown to a person who also gets the items before it: prompts[0] "daily-tip" takes the slots while it is due (days 14–20 after training) with fatigue.perDay 1 and perWeek 3; raise the caps, give them different audiences or lower the others\' frequency.maxShows',
    ]);
    // Two a day leave room; so does a tip that stops after three shows, or one for another tool.
    expect(warnings({ prompts: [dailyTip], surveys: [pulse], fatigue: { perDay: 2, perWeek: 14 } })).toEqual([]);
    expect(warnings({ prompts: [{ ...dailyTip, frequency: { maxShows: 3, cooldownDays: 1 } }], surveys: [pulse] })).toEqual([]);
    expect(warnings({ prompts: [{ ...dailyTip, tools: ['other'] }], surveys: [{ ...pulse, tools: ['assistant'] }] })).toEqual([]);
    // A tip whose trigger depends on what the person does cannot be replayed: it is not counted.
    expect(warnings({ prompts: [{ ...dailyTip, trigger: { event: 'ai.request' } }], surveys: [pulse] })).toEqual([]);
  });

  it('the week cap too, and caps of 0', () => {
    const spaced = {
      id: 'recap',
      trigger: { spaced: [10, 11, 12] },
      content: { title: 'Recap' },
      frequency: { maxShows: 3, cooldownDays: 0 },
    };
    const weekly = { ...pulse, trigger: { daysSinceTraining: [13, 16] } };
    expect(warnings({ prompts: [spaced], surveys: [weekly], fatigue: { perDay: 5, perWeek: 3 } })).toEqual([
      expect.stringMatching(
        /^surveys\[0\] "confidence-pulse" is never shown .*: prompts\[0\] "recap" takes the slots while it is due \(days 13–16 after training\) with fatigue.perDay 5 and perWeek 3;/,
      ),
    ]);
    expect(warnings({ surveys: [pulse], fatigue: { perDay: 0, perWeek: 3 } })).toEqual([
      'fatigue.perDay is 0: no prompt or survey is ever shown',
    ]);
  });

  it('the example config has none', async () => {
    const example = JSON.parse(await readFile(new URL('../../../../examples/uptake.config.json', import.meta.url), 'utf8'));
    expect(unreachableItems(checkConfig(example))).toEqual([]);
  });
});

describe('uptake config check prints them as warnings', () => {
  afterEach(() => vi.restoreAllMocks());

  it('after ok, on stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'uptake-reach-'));
    const file = join(dir, 'uptake.config.json');
    await writeFile(file, JSON.stringify({ ...base, prompts: [dailyTip], surveys: [pulse] }));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await configCommand(['check', file]);
    expect(log.mock.calls[0]?.[0]).toContain(': ok — 2 tool(s), 1 prompt(s), 1 survey(s)');
    expect(warn.mock.calls.map((c) => c[0])).toContainEqual(
      expect.stringMatching(/^warning: surveys\[0\] "confidence-pulse" is never shown/),
    );
    await rm(dir, { recursive: true, force: true });
  });
});
