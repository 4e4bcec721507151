import { vi } from 'vitest';

/** One request the fake `fetch` received. */
export interface Received {
  url: string;
  body: {
    writeKey: string;
    sentAt: string;
    identities?: Record<string, string>;
    events: { id: string; name: string; props: Record<string, unknown> }[];
  };
  keepalive: boolean;
}

/**
 * Replaces `fetch` with a collector stand-in for unit tests (the browser tests use the real one).
 * `answer` decides each response; by default every batch is stored.
 */
export function fakeCollector(
  answer: (received: Received) => Response | Promise<Response> = () => Response.json({ accepted: 1, duplicates: 0, rejected: [] }),
) {
  const received: Received[] = [];
  const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
    const r: Received = { url: String(url), body: JSON.parse(String(init?.body)), keepalive: init?.keepalive === true };
    received.push(r);
    return answer(r);
  });
  return {
    received,
    fetch,
    /** Ids of every event received, in order, repeats included. */
    ids: () => received.flatMap((r) => r.body.events.map((e) => e.id)),
    names: () => received.flatMap((r) => r.body.events.map((e) => e.name)),
  };
}

/** Waits until `condition` holds (polling every 5 ms), failing after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
