import type { LiveMessage } from './live-message.js';

/**
 * The messages of a `GET /v1/live` answer's body as they arrive: Server-Sent Events, one JSON
 * `data:` line each; comment lines (the heartbeat) are skipped. Shared by `uptake tail` and the
 * dashboard, which read the stream with `fetch` (an `EventSource` cannot send the token's header).
 */
export async function* readLiveMessages(body: ReadableStream<Uint8Array>): AsyncGenerator<LiveMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      pending += decoder.decode(value, { stream: true });
      let end = pending.indexOf('\n\n');
      while (end >= 0) {
        const data = pending
          .slice(0, end)
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        pending = pending.slice(end + 2);
        if (data) yield JSON.parse(data) as LiveMessage;
        end = pending.indexOf('\n\n');
      }
    }
  } finally {
    // A reader that stops early closes the connection too.
    await reader.cancel().catch(() => undefined);
  }
}
