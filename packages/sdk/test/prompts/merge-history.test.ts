import { expect, it } from 'vitest';
import { type JournalEntry, mergeHistory } from '../../src/prompts/merge-history.js';
import { emptyExposure, type ExposureHistory } from '../../src/rules/index.js';

const server: ExposureHistory = {
  prompts: { tip: { ...emptyExposure(), shows: 1, lastShown: '2026-11-21T09:00:00.000Z' } },
  surveys: {},
  recentShows: ['2026-11-21T09:00:00.000Z', '2026-11-20T12:00:00.000Z'],
  trainedAt: '2026-09-01',
  lastUsageDay: null,
  program: null,
  cohort: null,
};
const at = (iso: string) => Date.parse(iso);

it("adds what this browser's tabs did to the collector's history, without counting a show the collector has twice", () => {
  const journal: JournalEntry[] = [
    { kind: 'prompt', id: 'tip', action: 'shown', at: at('2026-11-21T09:00:00.000Z') },
    { kind: 'prompt', id: 'tip', action: 'shown', at: at('2026-11-22T09:00:00.000Z') },
    { kind: 'prompt', id: 'tip', action: 'dismissed', at: at('2026-11-22T09:00:05.000Z') },
    { kind: 'survey', id: 'pulse', action: 'snoozed', at: at('2026-11-22T10:00:00.000Z') },
  ];
  const merged = mergeHistory(server, journal);
  expect(merged.prompts['tip']).toEqual({ ...emptyExposure(), shows: 2, lastShown: '2026-11-22T09:00:00.000Z', dismissed: true });
  expect(merged.surveys['pulse']).toEqual({ ...emptyExposure(), lastSnoozed: '2026-11-22T10:00:00.000Z' });
  expect(merged.recentShows).toEqual(['2026-11-22T09:00:00.000Z', '2026-11-21T09:00:00.000Z', '2026-11-20T12:00:00.000Z']);
  expect(merged.trainedAt).toBe('2026-09-01');
  expect(server.prompts['tip']?.shows).toBe(1);
});

it("recognises a show the collector has at a corrected time (transit, the device's clock), once per show", () => {
  const shifted = (iso: string, ms: number) => new Date(at(iso) + ms).toISOString();
  // The collector stored two shows of this browser, each 2.5 s later than the browser's clock said.
  const collector: ExposureHistory = {
    ...server,
    prompts: { tip: { ...emptyExposure(), shows: 2, lastShown: shifted('2026-11-22T09:01:00.000Z', 2500) } },
    recentShows: [shifted('2026-11-22T09:01:00.000Z', 2500), shifted('2026-11-22T09:00:00.000Z', 2500)],
  };
  const journal: JournalEntry[] = [
    { kind: 'prompt', id: 'tip', action: 'shown', at: at('2026-11-22T09:00:00.000Z') },
    { kind: 'prompt', id: 'tip', action: 'shown', at: at('2026-11-22T09:01:00.000Z') },
    // Not at the collector yet: it counts.
    { kind: 'prompt', id: 'tip', action: 'shown', at: at('2026-11-22T09:02:00.000Z') },
  ];
  const merged = mergeHistory(collector, journal);
  expect(merged.prompts['tip']?.shows).toBe(3);
  expect(merged.prompts['tip']?.lastShown).toBe('2026-11-22T09:02:00.000Z');
  expect(merged.recentShows).toHaveLength(3);
  // A show far from any of the collector's (more than five minutes) is another show.
  expect(
    mergeHistory(collector, [{ kind: 'prompt', id: 'tip', action: 'shown', at: at('2026-11-22T10:00:00.000Z') }]).prompts['tip']?.shows,
  ).toBe(3);
});
