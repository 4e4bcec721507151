import type { StoredEvent } from '../../src/storage/store.js';
import type { Organisation } from './organisation.js';

const received = (e: StoredEvent) => {
  const late = e.receivedAt.getTime() - e.ts.getTime();
  return late === 0 ? '' : `  (received ${late > 0 ? '+' : ''}${late / 60_000} min)`;
};

/**
 * An organisation as a person reads it: the settings and questions, then one line per event,
 * grouped by person in time order (`#id` last: it breaks ties between events at the same instant).
 */
export function printOrganisation(o: Organisation): string {
  const written = o.batches.flat();
  const first = new Map<string, StoredEvent>();
  for (const e of written) if (!first.has(e.id)) first.set(e.id, e);
  const retried = written.length - first.size;
  const who = (e: StoredEvent) => e.userId ?? `(anonymous ${e.anonymousId ?? 'none'})`;
  const events = [...first.values()].sort(
    (a, b) => who(a).localeCompare(who(b)) || a.ts.getTime() - b.ts.getTime() || (a.id < b.id ? -1 : 1),
  );
  const questions = o.queries.map(
    (q) =>
      `asOf=${q.asOf}${q.tool ? ` tool=${q.tool}` : ''}${q.program ? ` program=${q.program}` : ''}${q.cohort ? ` cohort=${q.cohort}` : ''}`,
  );
  return [
    `organisation: minGroupSize ${o.minGroupSize}, usage days from ${o.usage === 'rollup' ? 'the daily rollup' : 'a scan of the events'}, ${first.size} events in ${o.batches.length} batches (${retried} written twice)`,
    `asked: ${questions.join('; ')}`,
    ...events.map(
      (e) =>
        `  ${who(e).padEnd(6)} ${e.ts.toISOString()}  ${e.name.padEnd(18)} ${e.tool.padEnd(13)} ${JSON.stringify(e.props)}${received(e)}  #${e.id}`,
    ),
  ].join('\n');
}
