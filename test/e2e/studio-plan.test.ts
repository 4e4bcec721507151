import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PowerPlanReport } from '../../packages/collector/src/stats/power-plan.js';
import type { StoredEvent } from '../../packages/collector/src/storage/store.js';
import { ev } from '../../packages/collector/test/metrics/metric-data.js';
import { critiqueHistory, daysAgo } from '../../packages/collector/test/studio/plan-history.js';
import { studioClient } from '../../packages/collector/test/studio/studio-client.js';
import { axeViolations } from '../helpers/axe-violations.js';
import { signInDashboard } from '../helpers/dashboard-sign-in.js';
import { useExampleToolSite } from '../helpers/example-tool-site.js';

const editorToken = `plan-editor-${'e'.repeat(24)}`;
const site = useExampleToolSite((toolUrl) => ({
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identitySecret: 'e2e-identity-secret-0123', origins: [toolUrl] }],
  adminToken: 'e2e-admin-token-0123456789',
  tokens: [{ name: 'owners', role: 'editor', token: editorToken }],
  minGroupSize: 5,
}));

// The critique history, and 60 of its people exposed to the launched tip 9 days ago (before the
// last complete week, which a viewer's and an editor's figures are for): 6 held out, so both arms
// reach minGroupSize and an editor may read the progress.
function history(): StoredEvent[] {
  const exposed = Array.from({ length: 60 }, (_, i) =>
    ev(`p-${150 + i}`, i % 10 ? 'prompt.shown' : 'prompt.held_out', daysAgo(9), { promptId: 'launched-tip' }),
  );
  return [...critiqueHistory(), ...exposed];
}

const tip = (title: string, trigger: string, mde?: number) => ({
  audience: { holdout: 0.1 },
  trigger: { event: trigger },
  content: { title },
  goal: { event: 'ai.feature_used', props: { feature: 'critique' }, withinDays: 7 },
  ...(mde === undefined ? {} : { plan: { minimumDetectableEffect: mde } }),
});

const int = (n: number) => n.toLocaleString('en-US');
// The dashboard's percentages: one decimal under 10%.
const pct = (r: number) => `${(r * 100).toFixed(r > 0 && r < 0.1 ? 1 : 0)}%`;

/** The figures the studio shows for `plan`, as its words put them. */
function expectedFigures(p: PowerPlanReport, launched: boolean): Record<string, string> {
  const need = p.exposuresNeeded as { fixedHorizon: number; alwaysValid: number };
  const pace = `${p.reachPerDay.toFixed(1)} a day (${p.reachSource === 'trigger' ? 'the trigger’s reach over the last 4 weeks' : 'exposures of the last 2 weeks'})`;
  return {
    'always-valid': int(need.alwaysValid),
    'fixed-horizon': int(need.fixedHorizon),
    days: `about ${int(p.expectedDays as number)}, at ${pace}`,
    ...(launched
      ? { progress: `${int(p.progress.exposures as number)} of ${int(need.alwaysValid)} (${pct(p.progress.share as number)})` }
      : {}),
  };
}

async function shownFigures(plan: Locator): Promise<Record<string, string>> {
  const entries = await plan.locator('dd').evaluateAll((dds) => dds.map((dd) => [dd.getAttribute('data-plan'), dd.textContent?.trim()]));
  return Object.fromEntries(entries);
}

async function openItem(title: string): Promise<{ page: Page; plan: Locator; problems: string[] }> {
  const { page, problems } = await signInDashboard(site().browser, site().collector.url, editorToken);
  await page.locator('#studio').getByRole('button', { name: title }).click();
  return { page, plan: page.locator('#studio .studio-plan'), problems };
}

describe('a prompt’s power plan in the studio, in Chromium', () => {
  const editor = () => studioClient(site().collector.url, editorToken);
  beforeAll(async () => {
    await site().collector.store.insert(history());
    await editor().put('prompts', 'draft-tip', tip('Ask it to critique first', 'ai.output_rejected', 0.1));
    await editor().put('prompts', 'quiet-tip', tip('A tip nobody triggers', 'ai.never_happened'));
    await editor().put('prompts', 'launched-tip', tip('Critique, launched', 'ai.output_rejected'));
    await editor().act('prompts', 'launched-tip', 'publish');
  });

  it('a draft: the figures of POST …/plan for the draft at its own minimum effect, and they follow an edit of it', async () => {
    const { page, plan, problems } = await openItem('Ask it to critique first');
    const draft = (await editor().get('prompts', 'draft-tip')).body['draft'];
    const answer = (await editor().call('POST', '/v1/admin/prompts/draft-tip/plan', draft)).body as unknown as PowerPlanReport;
    expect(answer.minimumDetectableEffect).toBe(0.1);
    await plan.locator('dd').first().waitFor();
    expect(await shownFigures(plan)).toEqual(expectedFigures(answer, false));
    expect(await plan.locator('.plan-summary').innerText()).toBe(answer.summary);
    expect(await plan.innerText()).toContain('To detect 10 points (the goal’s minimum detectable effect) with a 10% holdout');
    expect(await axeViolations(page, '#studio')).toEqual([]);

    // A smaller effect needs more exposures: the plan is asked again for the draft as typed.
    const field = page.getByLabel('Minimum detectable effect (0 to 1)');
    await field.fill('0.05');
    await field.press('Tab');
    const smaller = (await editor().call('POST', '/v1/admin/prompts/draft-tip/plan?mde=0.05', draft)).body as unknown as PowerPlanReport;
    await expect.poll(() => shownFigures(plan)).toEqual(expectedFigures(smaller, false));
    expect(smaller.exposuresNeeded?.alwaysValid).toBeGreaterThan(answer.exposuresNeeded?.alwaysValid as number);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('too few comparable people: the exposures are withheld, never shown as zeros', async () => {
    const { page, plan, problems } = await openItem('A tip nobody triggers');
    const draft = (await editor().get('prompts', 'quiet-tip')).body['draft'];
    const answer = (await editor().call('POST', '/v1/admin/prompts/quiet-tip/plan', draft)).body as unknown as PowerPlanReport;
    expect(answer.baseline).toBeNull();
    await plan.locator('dd').first().waitFor();
    const withheld = 'withheld: too few comparable people for a baseline';
    expect(await shownFigures(plan)).toEqual({ 'always-valid': withheld, 'fixed-horizon': withheld, days: withheld });
    expect(await plan.locator('.plan-summary').innerText()).toBe(answer.summary);
    expect(await plan.locator('dd').allInnerTexts()).not.toContain('0');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('after launch: the plan of GET /v1/metrics, with the exposures so far out of those needed', async () => {
    const { page, plan, problems } = await openItem('Critique, launched');
    const res = await fetch(`${site().collector.url}/v1/metrics`, { headers: { Authorization: `Bearer ${editorToken}` } });
    const metrics = (await res.json()) as { prompts: { id: string; plan: PowerPlanReport | null }[] };
    const answer = metrics.prompts.find((p) => p.id === 'launched-tip')?.plan as PowerPlanReport;
    expect(answer.progress.exposures).toBeGreaterThan(0);
    await plan.locator('dd').first().waitFor();
    expect(await shownFigures(plan)).toEqual(expectedFigures(answer, true));
    expect(await plan.locator('.plan-summary').innerText()).toBe(answer.summary);
    expect(await plan.innerText()).toContain('As GET /v1/metrics and uptake report give it');
    expect(await axeViolations(page, '#studio')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
