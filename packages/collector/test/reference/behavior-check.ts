import type { Metrics } from '../../src/metrics/types.js';
import type { StoredEvent } from '../../src/storage/store.js';
import { rate } from './groups.js';
import { byTimeThenId, identified, type TrainedPerson } from './people.js';

/**
 * Non-blank characters: code points that are not white space. White space is what a browser's
 * `\s` matches (the survey widget counts the same way), so an ideographic space or a no-break
 * space pads an answer no more than a plain space does.
 */
export const nonBlank = (text: string) => [...text].filter((c) => !/\s/u.test(c)).length;

/**
 * The 90-day behaviour check among trained people: per respondent the latest answer to each of
 * `applied` and `example` counts; applied = `yes` and an example of at least 20 non-blank characters;
 * failing when more than 40% of respondents did not apply it.
 */
export function behaviorCheck(events: readonly StoredEvent[], trained: readonly TrainedPerson[], min: number): Metrics['behaviorCheck'] {
  const people = new Set(trained.map((p) => p.user));
  const latest = new Map<string, { applied?: unknown; example?: unknown }>();
  const answers = identified(events).filter(
    (e) => e.name === 'survey.answered' && e.props['surveyId'] === 'behavior-check' && people.has(e.userId as string),
  );
  for (const e of [...answers].sort(byTimeThenId)) {
    const question = e.props['questionId'];
    if (question !== 'applied' && question !== 'example') continue;
    latest.set(e.userId as string, { ...latest.get(e.userId as string), [question]: e.props['value'] });
  }
  const respondents = latest.size;
  if (respondents < min) return { respondents: null, applied: null, rate: null, failing: null, suppressed: true };
  const applied = [...latest.values()].filter(
    (a) => a.applied === 'yes' && typeof a.example === 'string' && nonBlank(a.example) >= 20,
  ).length;
  // 1 − applied/respondents > 0.40, in whole numbers: 5·(respondents − applied) > 2·respondents.
  return {
    respondents,
    applied,
    rate: rate(applied, respondents),
    failing: 5 * (respondents - applied) > 2 * respondents,
    suppressed: false,
  };
}

/** The completion–application gap: trained people − applied respondents, and that over trained. */
export function gap(adoption: Metrics['adoption'], check: Metrics['behaviorCheck']): Metrics['gap'] {
  if (adoption.suppressed || check.suppressed)
    return { trained: adoption.trained, applied: null, count: null, share: null, suppressed: true };
  const trained = adoption.trained as number;
  const applied = check.applied as number;
  return { trained, applied, count: trained - applied, share: rate(trained - applied, trained), suppressed: false };
}
