import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { runUptake } from '../helpers/spawn-collector.js';
import { useWorkDir } from '../helpers/use-temp-dir.js';
import { forgettingOrganisation } from './forgetting-organisation.js';

const dir = useWorkDir('uptake-cli-fit-');
const uptake = (...args: string[]) => runUptake(dir, args);

describe('uptake fit', () => {
  it('fits on the store, evaluates against the baselines, and keeps the model', async () => {
    const organisation = forgettingOrganisation(5, 250, 149);
    const users = organisation.filter((p) => p.usageDays.length > 0).length;
    const store = await openStore({ db: join(dir, 'data', 'uptake.duckdb') });
    try {
      await store.syncUsageEvents([]);
      // Usage up to yesterday: the generated organisation's 150 days end on the day before today.
      const first = Math.floor(Date.now() / 864e5) - 150;
      const events = organisation.flatMap((person, n) =>
        [person.trainedDay!, ...person.usageDays].map((day, i) => ({
          id: `p${n}-${i}`,
          name: i === 0 ? 'training.completed' : 'ai.request',
          ts: new Date((first + day) * 864e5 + 36e6),
          receivedAt: new Date(),
          userId: `p${n}`,
          anonymousId: null,
          sessionId: null,
          tool: 'assistant',
          props: {},
        })),
      );
      await store.insert(events);
    } finally {
      await store.close();
    }
    const fitted = await uptake('fit', '--evaluate', '--split', new Date(Date.now() - 40 * 864e5).toISOString().slice(0, 10));
    expect(fitted).toMatchObject({ code: 0, stderr: '' });
    expect(fitted.stdout).toMatch(
      new RegExp(`^fitted on [\\d,]+ observations of ${users} people \\(usage up to \\d{4}-\\d{2}-\\d{2}\\); kept in the store$`, 'm'),
    );
    expect(fitted.stdout).toMatch(
      /^half-life of a typical person: executive [\d.]+ days, leader [\d.]+ days, professional [\d.]+ days, technical [\d.]+ days$/m,
    );
    expect(fitted.stdout).toMatch(/^ {2}log-loss {2}model [\d.]+ {2}one curve [\d.]+ {2}cohort fit [\d.]+$/m);
    const json = JSON.parse((await uptake('fit', '--json')).stdout) as { people: number; evaluation?: unknown };
    expect(json.people).toBe(users);
    expect(json.evaluation).toBeUndefined();
  }, 60_000);

  it('says what is wrong with its flags, exit 2', async () => {
    expect(await uptake('fit', '--split', '2026-10-01')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--split needs --evaluate'),
    });
    expect(await uptake('fit', '--evaluate', '--split', 'last month')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--split: expected a day YYYY-MM-DD, got "last month"'),
    });
  });
});
