import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useCollector } from '../helpers/use-collector.js';
import { critiqueHistory } from './plan-history.js';
import { studioClient } from './studio-client.js';

const tokens = { editor: 'plan-editor-token-0123456789abcdef', viewer: 'plan-viewer-token-0123456789abcdef' };
const config = parseConfig({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'plan-admin-token-0123456789abcdef',
  tokens: Object.entries(tokens).map(([role, token]) => ({ name: `${role}-1`, role, token })),
  minGroupSize: 5,
});

const tip = (extra: Record<string, unknown> = {}) => ({
  audience: { holdout: 0.1 },
  trigger: { event: 'ai.output_rejected' },
  content: { title: 'Ask it to critique first' },
  goal: { event: 'ai.feature_used', props: { feature: 'critique' }, withinDays: 7 },
  ...extra,
});

describe.each(storeKinds)('the studio’s power plan, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);
  beforeAll(async () => {
    await c.store.insert(critiqueHistory());
  });
  const plan = async (body: unknown, query = '', token = tokens.editor) => {
    const answer = await studioClient(c.url, token).call('POST', `/v1/admin/prompts/plan-tip/plan${query}`, body);
    return { status: answer.status, body: answer.body as Record<string, unknown> & { error?: string } };
  };

  it('plans a draft for an editor on released figures: baseline about 20%, exposures and days', async () => {
    const { status, body } = await plan(tip());
    expect(status).toBe(200);
    const baseline = body['baseline'] as { rate: number; people: number };
    // 200 people and 40 converted, each with ±2 of cell-key noise: the rate stays near 0.2.
    expect(Math.abs(baseline.people - 200)).toBeLessThanOrEqual(2);
    expect(Math.abs(baseline.rate - 0.2)).toBeLessThan(0.02);
    expect(body).toMatchObject({
      id: 'plan-tip',
      minimumDetectableEffect: 0.05,
      holdout: 0.1,
      randomizeBy: 'person',
      reachSource: 'trigger',
    });
    const needed = body['exposuresNeeded'] as { fixedHorizon: number; alwaysValid: number };
    expect(needed.alwaysValid).toBeGreaterThan(needed.fixedHorizon);
    expect(body['expectedDays']).toBeGreaterThan(100);
    expect(body['summary']).toMatch(/^To detect 5 points on a baseline of/);
  });

  it('takes mde from the query over the prompt’s plan, and names what is wrong', async () => {
    const fromConfig = await plan(tip({ plan: { minimumDetectableEffect: 0.1 } }));
    expect(fromConfig.body['minimumDetectableEffect']).toBe(0.1);
    const fromQuery = await plan(tip({ plan: { minimumDetectableEffect: 0.1 } }), '?mde=0.2');
    expect(fromQuery.body['minimumDetectableEffect']).toBe(0.2);
    const bigger = fromQuery.body['exposuresNeeded'] as { fixedHorizon: number };
    expect(bigger.fixedHorizon).toBeLessThan((fromConfig.body['exposuresNeeded'] as { fixedHorizon: number }).fixedHorizon);
    expect(await plan(tip(), '?mde=5')).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^mde: expected/) } });
    expect(await plan(tip({ goal: undefined }))).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^goal: a plan needs a goal/) },
    });
    expect((await plan(tip(), '', tokens.viewer)).status).toBe(403);
    const survey = await studioClient(c.url, tokens.editor).call('POST', '/v1/admin/surveys/s/plan', {});
    expect(survey.status).toBe(404);
  });

  it('says "fewer than" when too few comparable people exist, as a viewer would be told', async () => {
    const { body } = await plan(tip({ trigger: { event: 'ai.never_happened' } }));
    expect(body['baseline']).toBeNull();
    expect(body['summary']).toBe('Fewer than 5 comparable people in history: no baseline to plan on yet.');
  });
});
