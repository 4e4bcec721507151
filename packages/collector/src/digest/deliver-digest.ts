/** How one delivery went: the answer's status, or what failed, after how many attempts. */
export interface Delivery {
  status: 'sent' | 'failed';
  attempts: number;
  /** The receiver's HTTP status, or the error, in words. */
  detail: string;
}

export interface DeliveryOptions {
  /** Waits before the 2nd, 3rd… attempt. Default 5 s, 30 s, 2 min: four attempts. */
  backoffMs?: readonly number[];
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * POSTs a digest to its webhook, retrying what may pass later (no answer, a timeout, 429, 5xx)
 * and not what will not (another 4xx: the URL or the body is wrong, and saying so is more useful).
 * The webhook URL is a secret and never appears in `detail`.
 */
export async function deliverDigest(url: string, body: unknown, options: DeliveryOptions = {}): Promise<Delivery> {
  const backoff = options.backoffMs ?? [5_000, 30_000, 120_000];
  const send = options.fetch ?? fetch;
  const sleep = options.sleep ?? wait;
  let detail = '';
  for (let attempt = 1; attempt <= backoff.length + 1; attempt++) {
    if (attempt > 1) await sleep(backoff[attempt - 2]!);
    try {
      const res = await send(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { status: 'sent', attempts: attempt, detail: `HTTP ${res.status}` };
      detail = `HTTP ${res.status}`;
      if (res.status !== 429 && res.status < 500) return { status: 'failed', attempts: attempt, detail };
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      detail = e.name === 'TimeoutError' ? 'no answer in time' : `not reached (${e.cause?.code ?? e.name})`;
    }
  }
  return { status: 'failed', attempts: backoff.length + 1, detail };
}
