import type { StoredEvent } from '../../src/storage/store.js';
import { addDays, ev } from '../metrics/metric-data.js';

/** The day `days` before today (UTC). */
export const daysAgo = (days: number) => addDays(new Date().toISOString().slice(0, 10), -days);

/**
 * A history to plan a critique tip on: 200 people rejected an output 20 days ago, 40 of them used
 * critique within the week after (a baseline of about 20%).
 */
export function critiqueHistory(): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let i = 0; i < 200; i++) {
    events.push(ev(`p-${i}`, 'ai.output_rejected', daysAgo(20)));
    if (i < 40) events.push(ev(`p-${i}`, 'ai.feature_used', daysAgo(18), { feature: 'critique' }));
  }
  return events;
}
