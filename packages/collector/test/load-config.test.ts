import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../src/config/load-config.js';

const minimal = {
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'secret-token-0123456789',
};

describe('config', () => {
  it('applies the defaults: minGroupSize 10, pseudonymize on', () => {
    const config = parseConfig(minimal);
    expect(config.minGroupSize).toBe(10);
    expect(config.pseudonymize).toBe(true);
    expect(config.usageEvents).toEqual([]);
  });

  it('names the field that is wrong', () => {
    expect(() => parseConfig({ ...minimal, minGroupSize: 3 }, 'uptake.config.json')).toThrow(
      'uptake.config.json: minGroupSize: must be at least 5',
    );
    expect(() => parseConfig({ ...minimal, tools: [{ id: 'a', origins: [] }] })).toThrow(/tools\[0\]\.writeKey: /);
    expect(() => parseConfig({ ...minimal, tools: [] })).toThrow(/tools: declare at least one tool/);
  });

  it('engaged use: engagedEvents default none and must be usage events; intensity thresholds default 4 and 12', () => {
    const config = parseConfig(minimal);
    expect(config.engagedEvents).toEqual([]);
    expect(config.intensity).toEqual({ moderateFrom: 4, heavyFrom: 12 });
    const events = { ...minimal, usageEvents: ['report.generated'] };
    expect(parseConfig({ ...events, engagedEvents: ['ai.feature_used', 'report.generated'] }).engagedEvents).toEqual([
      'ai.feature_used',
      'report.generated',
    ]);
    expect(() => parseConfig({ ...events, engagedEvents: ['report.viewed'] }, 'uptake.config.json')).toThrow(
      'uptake.config.json: engagedEvents[0]: "report.viewed" is not a usage event: engaged use is a kind of use, so name an ai.* event or one of usageEvents (report.generated)',
    );
    expect(() => parseConfig({ ...minimal, intensity: { moderateFrom: 6, heavyFrom: 6 } })).toThrow(
      /intensity\.heavyFrom: expected more usage days than moderateFrom/,
    );
    expect(() => parseConfig({ ...minimal, intensity: { moderateFrom: 1 } })).toThrow(
      /intensity\.moderateFrom: expected a whole number of usage days from 2 to 28/,
    );
    expect(parseConfig({ ...minimal, intensity: { heavyFrom: 20 } }).intensity).toEqual({ moderateFrom: 4, heavyFrom: 20 });
  });

  it('a number question may measure minutes saved, and nothing else', () => {
    const survey = (measures: unknown) => ({
      id: 'pulse',
      trigger: { event: 'ai.request' },
      questions: [{ id: 'minutes', type: 'number', text: 'Minutes saved last week?', min: 0, measures }],
    });
    expect(parseConfig({ ...minimal, surveys: [survey('minutesSaved')] }).surveys[0]?.questions[0]).toMatchObject({
      measures: 'minutesSaved',
    });
    expect(() => parseConfig({ ...minimal, surveys: [survey('hours')] })).toThrow(
      /surveys\[0\]\.questions\[0\]\.measures: expected "minutesSaved"/,
    );
  });

  it("docs/analysts.md's engaged-use config and minutes-saved question load as written", async () => {
    const doc = await readFile(new URL('../../../docs/analysts.md', import.meta.url), 'utf8');
    const block = (section: string) =>
      JSON.parse(new RegExp(`### ${section}[\\s\\S]*?\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(doc)?.[1] as string);
    const engaged = parseConfig({ ...minimal, ...block('Engaged use and intensity') });
    expect(engaged.engagedEvents).toEqual(['ai.feature_used', 'report.generated']);
    expect(engaged.intensity).toEqual({ moderateFrom: 4, heavyFrom: 12 });
    const question = block('Time saved');
    const config = parseConfig({
      ...minimal,
      surveys: [{ id: 'confidence-pulse', trigger: { event: 'ai.request' }, questions: [question] }],
    });
    expect(config.surveys[0]?.questions[0]).toMatchObject({ type: 'number', measures: 'minutesSaved' });
  });

  it('refuses goal prop keys that a JSON path would misread', () => {
    const prompt = (key: string) => ({
      id: 'p',
      trigger: { event: 'ai.request' },
      content: { title: 't' },
      goal: { event: 'ai.feature_used', props: { [key]: 'x' }, withinDays: 7 },
    });
    expect(() => parseConfig({ ...minimal, prompts: [prompt('feature')] })).not.toThrow();
    expect(() => parseConfig({ ...minimal, prompts: [prompt('$ref')] })).toThrow(
      /prompts\[0\]\.goal\.props\.\$ref: keys must be 1–64 characters/,
    );
    expect(() => parseConfig({ ...minimal, prompts: [prompt('/a')] })).toThrow(/prompts\[0\]\.goal\.props\.\/a: keys must be/);
  });

  it('takes audience.randomizeBy person or team, absent meaning person, and names a wrong value', () => {
    const prompt = (audience: object) => ({ id: 'p', trigger: { event: 'ai.request' }, content: { title: 't' }, audience });
    const audienceOf = (audience: object) => parseConfig({ ...minimal, prompts: [prompt(audience)] }).prompts[0]?.audience;
    expect(audienceOf({ holdout: 0.2 })).toEqual({ sample: 1, holdout: 0.2 });
    expect(audienceOf({ holdout: 0.2, randomizeBy: 'team' })).toEqual({ sample: 1, holdout: 0.2, randomizeBy: 'team' });
    expect(() => parseConfig({ ...minimal, prompts: [prompt({ randomizeBy: 'teams' })] })).toThrow(
      /prompts\[0\]\.audience\.randomizeBy: expected person or team/,
    );
  });

  it('refuses a scale with min ≥ max and a text with minLength > maxLength, with the path (the studio uses the same schema)', () => {
    const survey = (question: Record<string, unknown>) => ({ id: 's', trigger: { daysSinceTraining: [1, 2] }, questions: [question] });
    expect(() => parseConfig({ ...minimal, surveys: [survey({ id: 'q', type: 'scale', text: 'How?', min: 5, max: 1 })] })).toThrow(
      'config: surveys[0].questions[0].max: expected more than min (5); max is 1',
    );
    expect(() =>
      parseConfig({ ...minimal, surveys: [survey({ id: 'q', type: 'text', text: 'Why?', minLength: 30, maxLength: 20 })] }),
    ).toThrow('config: surveys[0].questions[0].maxLength: expected at least minLength (30); maxLength is 20');
  });

  it('takes an adaptive trigger alone, and refuses it with a fixed schedule or bad bounds, in words', () => {
    const prompt = (trigger: Record<string, unknown>) => ({ id: 'p', trigger, content: { title: 't' } });
    const adaptive = { targetRecall: 0.8, minDays: 2, maxDays: 60 };
    expect(parseConfig({ ...minimal, prompts: [prompt({ adaptive })] }).prompts[0]?.trigger.adaptive).toEqual(adaptive);
    expect(parseConfig({ ...minimal, prompts: [prompt({ adaptive: {}, url: '/**' })] }).prompts[0]?.trigger.adaptive).toEqual({});
    expect(() => parseConfig({ ...minimal, prompts: [prompt({ adaptive, spaced: [2, 7] })] })).toThrow(
      "config: prompts[0].trigger.adaptive: adaptive picks each person's day itself: leave out spaced (use one or the other)",
    );
    expect(() => parseConfig({ ...minimal, prompts: [prompt({ adaptive, daysSinceTraining: [1, 9] })] })).toThrow(
      /trigger\.adaptive: .*leave out daysSinceTraining/,
    );
    expect(() => parseConfig({ ...minimal, prompts: [prompt({ adaptive, inactiveDays: 7 })] })).toThrow(/leave out inactiveDays/);
    expect(() => parseConfig({ ...minimal, prompts: [prompt({ adaptive: { targetRecall: 1.2 } })] })).toThrow(
      'config: prompts[0].trigger.adaptive.targetRecall: expected a probability between 0 and 1, such as 0.8',
    );
    expect(() => parseConfig({ ...minimal, prompts: [prompt({ adaptive: { minDays: 30, maxDays: 7 } })] })).toThrow(
      'config: prompts[0].trigger.adaptive.minDays: minDays must not be more than maxDays',
    );
    expect(() => parseConfig({ ...minimal, prompts: [prompt({ adaptive: { target: 0.8 } })] })).toThrow(/trigger\.adaptive/);
  });

  it('refuses two tools with one write key', () => {
    const tools = [minimal.tools[0], { id: 'other', writeKey: 'wk_assistant', identity: 'unverified', origins: [] }];
    expect(() => parseConfig({ ...minimal, tools })).toThrow('config: tools[1].writeKey: used by another tool');
  });

  it('reads env:NAME secrets from the environment and says which is missing', () => {
    expect(parseConfig({ ...minimal, adminToken: 'env:UPTAKE_TEST_TOKEN' }, 'c', { UPTAKE_TEST_TOKEN: 'from-env' }).adminToken).toBe(
      'from-env',
    );
    expect(() => parseConfig({ ...minimal, adminToken: 'env:UPTAKE_TEST_TOKEN' }, 'c', {})).toThrow(
      'c: adminToken: environment variable UPTAKE_TEST_TOKEN is not set',
    );
  });

  it('names the file when it is missing or not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'uptake-config-'));
    const file = join(dir, 'uptake.config.json');
    await expect(loadConfig(file)).rejects.toThrow(`${file}: cannot read the config file (ENOENT)`);
    await writeFile(file, '{ "tools": [ }');
    await expect(loadConfig(file)).rejects.toBeInstanceOf(ConfigError);
    await expect(loadConfig(file)).rejects.toThrow(`${file}: not valid JSON`);
  });
});
