import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useCollector } from '../helpers/use-collector.js';
import { ev, trainedOn, usedOn } from '../metrics/metric-data.js';

// GET /v1/metrics answers by the caller's role (SPEC "Viewers cannot difference"): the consecutive-day
// attack of issue 14, replayed over HTTP with each token. An analyst (or admin) reads exact figures,
// so the attack works for them, as it may: they can export the rows. A viewer or an editor reads the
// same figure on four consecutive days and a narrowed tool hidden.
const tokens = {
  viewer: 'viewer-token-0123456789abcdef0123456789',
  editor: 'editor-token-0123456789abcdef0123456789',
  analyst: 'analyst-token-0123456789abcdef012345678',
};
const config = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_a', identity: 'unverified', origins: ['*'] },
    { id: 'pilot', writeKey: 'wk_p', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: 'metrics-by-role-admin-token',
  tokens: Object.entries(tokens).map(([role, token]) => ({ name: `${role}-1`, role, token })),
  minGroupSize: 5,
  maxEventAgeDays: 36_500,
});

// 40 people trained on 2026-03-02 (30 of them active in their window), then a 3-person team trained
// on 2026-05-10, -11 and -12, so their 30th days are Tuesday 2026-06-09 to Thursday -11; the 1st and
// 3rd used AI in their window. One person alone uses the tool "pilot".
function organisation(): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let i = 1; i <= 40; i++) {
    events.push(trainedOn(`base-${i}`, '2026-03-02'));
    if (i <= 30) events.push(usedOn(`base-${i}`, '2026-03-25'));
  }
  for (const [k, day] of ['2026-05-10', '2026-05-11', '2026-05-12'].entries())
    events.push(trainedOn(`legal-${k + 1}`, day), ev(`legal-${k + 1}`, 'identify', day, { team: 'legal' }));
  events.push(usedOn('legal-1', '2026-06-01'), usedOn('legal-3', '2026-06-05'), usedOn('base-1', '2026-06-05', 'ai.request', 'pilot'));
  return events;
}

const days = ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11'];

describe.each(storeKinds)('metrics by role over HTTP, $kind store', ({ kind }) => {
  const collector = useCollector(kind, config);
  beforeAll(async () => {
    await collector.store.insert(organisation());
  });

  const metrics = async (token: string, query: string) => {
    const res = await fetch(`${collector.url}/v1/metrics?${query}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      figuresAsOf?: string;
      sustained: { d30: { eligible: number | null; active: number | null } };
      activity: { dau: number | null; mau: number | null };
    };
  };

  it('an analyst reads, day by day, whether each of the three was active; a viewer and an editor read one figure', async () => {
    const exact = await Promise.all(days.map((d) => metrics(tokens.analyst, `asOf=${d}`)));
    const steps = exact.slice(1).map((m, i) => (m.sustained.d30.active as number) - (exact[i]?.sustained.d30.active as number));
    expect(steps).toEqual([1, 0, 1]);
    for (const token of [tokens.viewer, tokens.editor]) {
      const protectedFigures = await Promise.all(days.map((d) => metrics(token, `asOf=${d}`)));
      expect(new Set(protectedFigures.map((m) => JSON.stringify(m.sustained))).size).toBe(1);
      expect(protectedFigures[0]?.figuresAsOf).toBe('2026-06-07');
    }
  });

  it('a tool filter that narrows to one person shows the analyst DAU 1 and the viewer nothing', async () => {
    expect((await metrics(tokens.analyst, 'asOf=2026-06-05&tool=pilot')).activity.dau).toBe(1);
    const viewer = await metrics(tokens.viewer, 'asOf=2026-06-07&tool=pilot');
    expect(viewer.activity.dau).toBeNull();
    expect(viewer.activity.mau).toBeNull();
  });
});
