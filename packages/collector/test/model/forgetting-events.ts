import type { StoredEvent } from '../../src/storage/store.js';
import { forgettingOrganisation } from './forgetting-organisation.js';

// Day 0 of the generated organisation, and "today" for the fit: day 241, so usage runs to day 240.
export const origin = Date.UTC(2026, 2, 1);
export const at = (day: number, hour = 10) => new Date(origin + day * 864e5 + hour * 36e5);

/** The generated organisation as a tool and the training import would store it. */
export function organisationEvents(people: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  const base = { anonymousId: null, sessionId: null, tool: 'assistant' };
  forgettingOrganisation(3, people, 240).forEach((person, n) => {
    const userId = `person-${n}`;
    const row = (name: string, ts: Date, props: StoredEvent['props'] = {}) =>
      events.push({ ...base, id: `${userId}-${name}-${ts.getTime()}`, name, ts, receivedAt: ts, userId, props });
    row('identify', at(person.trainedDay! - 1), { role: person.role, team: 'x' });
    row('training.completed', at(person.trainedDay!, 9), { program: 'ai-basics' });
    for (const day of person.usageDays) row('ai.request', at(day), { feature: 'summarize' });
  });
  return events;
}
