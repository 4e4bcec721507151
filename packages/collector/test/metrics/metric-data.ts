import type { Props } from '@uptake/sdk';
import type { StoredEvent } from '../../src/storage/store.js';

let seq = 0;

/** `YYYY-MM-DD` plus `days`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An event at noon UTC of `day` (or at the instant `at`), with a fresh id. */
export function ev(
  user: string | null,
  name: string,
  day: string,
  props: Props = {},
  options: { at?: string; tool?: string; anonymousId?: string } = {},
): StoredEvent {
  const ts = new Date(options.at ?? `${day}T12:00:00.000Z`);
  return {
    id: `m-${(seq++).toString(36).padStart(6, '0')}`,
    name,
    ts,
    receivedAt: ts,
    userId: user,
    anonymousId: options.anonymousId ?? null,
    sessionId: null,
    tool: options.tool ?? 'assistant',
    props,
  };
}

export const trainedOn = (user: string, day: string, props: Props = { program: 'workshop' }) => ev(user, 'training.completed', day, props);
export const usedOn = (user: string, day: string, name = 'ai.request', tool = 'assistant') =>
  ev(user, name, day, { feature: 'summarize' }, { tool });
export const answered = (user: string, day: string, questionId: string, value: string, at?: string) =>
  ev(user, 'survey.answered', day, { surveyId: 'behavior-check', questionId, value }, at ? { at } : {});
