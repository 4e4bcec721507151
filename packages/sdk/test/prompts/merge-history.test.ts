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
