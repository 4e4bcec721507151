import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useCollector } from '../helpers/use-collector.js';
import { addDays, ev, trainedOn, usedOn } from '../metrics/metric-data.js';
import { studioClient } from './studio-client.js';

const tokens = { editor: 'reach-editor-token-0123456789abcdef', viewer: 'reach-viewer-token-0123456789abcdef' };
const config = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] },
    { id: 'pilot', writeKey: 'wk_pilot', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: 'reach-admin-token-0123456789abcdef',
  tokens: Object.entries(tokens).map(([role, token]) => ({ name: `${role}-1`, role, token })),
  minGroupSize: 5,
});

const today = new Date().toISOString().slice(0, 10);
const ago = (days: number) => addDays(today, -days);

// 30 people of team blue, trained 10 days ago (program workshop), who used the assistant yesterday;
// 12 of team green trained 3 days ago who never used it; one person alone in team red (program
// coaching, trained 95 days ago, last used AI 20 days ago, three rejected outputs today); 12 people
// seen only in the tool "pilot".
function organisation(): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let i = 1; i <= 30; i++) {
    const id = `blue-${i}`;
    events.push(ev(id, 'identify', ago(10), { team: 'blue', role: 'professional' }), trainedOn(id, ago(10)), usedOn(id, ago(1)));
  }
  for (let i = 1; i <= 12; i++) {
    const id = `green-${i}`;
    events.push(
      ev(id, 'identify', ago(3), { team: 'green', role: 'technical' }),
      trainedOn(id, ago(3), { program: 'workshop', cohort: 'autumn' }),
    );
  }
  events.push(
    ev('target', 'identify', ago(95), { team: 'red', role: 'professional' }),
    trainedOn('target', ago(95), { program: 'coaching' }),
  );
  events.push(usedOn('target', ago(20)));
  for (let k = 0; k < 3; k++)
    events.push(ev('target', 'ai.output_rejected', today, {}, { at: new Date(Date.now() - (k + 1) * 60_000).toISOString() }));
  for (let i = 1; i <= 12; i++) events.push(usedOn(`pilot-${i}`, ago(2), 'ai.request', 'pilot'));
  return events;
}

const tip = (audience: Record<string, unknown>, trigger: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  audience,
  trigger,
  content: { title: 'A tip' },
  ...extra,
});

type Figure = { about: number } | { fewerThan: number };
interface Estimate {
  figures: { people: Figure; shown: Figure; heldOut: Figure | null };
  notEstimated: string[];
  basis: string[];
  summary: string;
}

describe.each(storeKinds)('the reach estimate, $kind store', ({ kind }) => {
  const c = useCollector(kind, config);
  beforeAll(async () => {
    await c.store.insert(organisation());
  });
  const reach = async (body: unknown, token = tokens.editor) => {
    const answer = await studioClient(c.url, token).call('POST', '/v1/admin/prompts/reach-tip/reach', body);
    return { status: answer.status, body: answer.body as unknown as Estimate & { error?: string; issues?: unknown[] } };
  };
  const people = async (audience: Record<string, unknown>, trigger: Record<string, unknown>, extra = {}) => {
    const { status, body } = await reach(tip(audience, trigger, extra));
    expect(status).toBe(200);
    return body.figures.people;
  };
  const near = (n: number) => ({ about: expect.toSatisfy((v: number) => Math.abs(v - n) <= 4) });

  it('estimates a draft for an editor, refuses a viewer, names the field of an invalid item, and is audited', async () => {
    const { status, body } = await reach(tip({ teams: ['blue'], holdout: 0.1 }, { url: '/reports/**' }));
    expect(status).toBe(200);
    expect(body.figures.people).toEqual(near(30));
    expect(body.figures.heldOut).toEqual({ fewerThan: 5 });
    expect(body.notEstimated).toEqual(['the URL trigger (/reports/**) cannot be estimated: it depends on the pages people open']);
    expect(body.summary).toMatch(
      /^Reaches about \d+ people now: about \d+ people would see it, fewer than 5 people held out\. But the URL trigger/,
    );
    expect((await reach(tip({}, { url: '/x' }), tokens.viewer)).status).toBe(403);
    const invalid = await reach(tip({ sample: 2 }, { inactiveDays: 7 }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.issues).toEqual([expect.objectContaining({ path: 'audience.sample' })]);
    // The audit line is written once the answer is sent.
    await expect
      .poll(async () => (await c.store.readAudit()).filter((a) => a.endpoint.includes('/reach')).map((a) => a.token))
      .toEqual(expect.arrayContaining(['editor-1', 'viewer-1']));
  });

  it('counts each trigger the collector can evaluate, in the item’s tools only', async () => {
    expect(await people({}, { daysSinceTraining: [0, 30] })).toEqual(near(42));
    // In the tool pilot: 12 people, none trained.
    expect(await people({}, { url: '/x' }, { tools: ['pilot'] })).toEqual(near(12));
    expect(await people({}, { daysSinceTraining: [0, 30] }, { tools: ['pilot'] })).toEqual({ fewerThan: 5 });
    // Spaced days: the green team reaches day 7 within the week, blue has passed it.
    expect(await people({}, { spaced: [7, 60] })).toEqual(near(12));
    // Inactive for 3 days: green (trained 3 days ago, never used); blue used it yesterday, pilot's
    // people 2 days ago (they count from 2 days on), the target today (a rejected output is an ai.*
    // event: use, in the usage rollup kept on insert as in one rebuilt from the events).
    expect(await people({}, { inactiveDays: 3 })).toEqual(near(12));
    expect(await people({}, { inactiveDays: 2 })).toEqual(near(24));
    expect(await people({ roles: ['technical'] }, { inactiveDays: 3 })).toEqual(near(12));
    // An event count: the blue team's yesterday's requests, twice or more for nobody.
    expect(await people({}, { event: 'ai.request', withinDays: 7 })).toEqual(near(42));
    expect(await people({}, { event: 'ai.request', count: 2, withinDays: 7 })).toEqual({ fewerThan: 5 });
    expect(await people({ cohorts: ['autumn'], programs: ['workshop'] }, { daysSinceTraining: [0, 5] })).toEqual(near(12));
    const selector = await reach(tip({ teams: ['blue'] }, { selector: '#run', on: 'click' }));
    expect(selector.body.notEstimated).toEqual([
      'the selector trigger (click on #run) cannot be estimated: it depends on what people do on the page',
    ]);
    expect(selector.body.basis[0]).toBe('people seen in assistant, pilot: a day of AI use or an identify event there');
  });

  it('tells a curious editor nothing about one person: narrowed audiences say "fewer than 5", differences are noise', async () => {
    const fewer = { fewerThan: 5 };
    // Narrowed to the target by team, by program, by event count, by inactivity: "fewer than 5".
    expect(await people({ teams: ['red'] }, { url: '/x' })).toEqual(fewer);
    expect(await people({ programs: ['coaching'] }, { url: '/x' })).toEqual(fewer);
    expect(await people({}, { event: 'ai.output_rejected', count: 3, withinDays: 1 })).toEqual(fewer);
    expect(await people({}, { inactiveDays: 15 })).toEqual(fewer);
    expect(await people({ teams: ['red'] }, { url: '/x' }, { audience: { teams: ['red'], sample: 1, holdout: 0.5 } })).toEqual(fewer);
    // Differencing: blue with and without red. The two answers are each blue's count plus noise, so
    // their difference is noise around 1 (the target), as it is noise around 0 where red is empty.
    const both = await people({ teams: ['blue', 'red'] }, { url: '/x' });
    const blue = await people({ teams: ['blue'] }, { url: '/x' });
    const nobody = await people({ teams: ['blue', 'no-such-team'] }, { url: '/x' });
    for (const f of [both, blue, nobody]) expect(f).toEqual(near(30));
    // The same question asked again, or with its lists reordered, gives the same answer: nothing to average.
    expect(await people({ teams: ['red', 'blue'] }, { url: '/x' })).toEqual(both);
    // Flipping sample only scales the released figure.
    const { body } = await reach(tip({ teams: ['blue', 'red'], sample: 0.5 }, { url: '/x' }));
    const all = (both as { about: number }).about;
    expect(body.figures.shown).toEqual(Math.round(all / 2) < 5 ? { fewerThan: 5 } : { about: Math.round(all / 2) });
  });
});
