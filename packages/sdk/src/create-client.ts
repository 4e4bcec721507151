import { newId } from './new-id.js';
import { sanitizeProps, redact } from './sanitize-props.js';
import { batchBody, beaconBatch, postBatch } from './sender.js';
import type { Props, QueuedEvent, UptakeOptions } from './types.js';

const maxBatch = 100;

/** What `u.ai.output()` returns: report what the user did with the output shown. */
export interface OutputHandle {
  accepted(): void;
  edited(): void;
  rejected(): void;
  regenerated(): void;
}

/** The SDK's public interface, returned by `init`. */
export interface Uptake {
  /** Ties later events to a pseudonymous user id and records traits (`role`, `team`, `cohort`, `program`). */
  identify(userId: string, traits?: Props): void;
  /** Records an event by name with optional props. */
  track(name: string, props?: Props): void;
  /** The canonical AI events. */
  ai: {
    request(feature: string): void;
    output(feature: string, outputId?: string): OutputHandle;
    feature(feature: string): void;
  };
  /** Records a finished task, whether AI helped and minutes it saved. */
  task(workflow: string, options?: { aiAssisted?: boolean; minutesSaved?: number }): void;
  /** Sends what is queued now. */
  flush(): Promise<void>;
}

function warnOnce(): (message: string) => void {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    console.warn(`[uptake] ${message}`);
  };
}

/** Builds a working client for validated options. Every method catches its own errors: the host page never sees one. */
export function createClient(options: UptakeOptions): Uptake {
  const url = new URL('/v1/batch', new URL(options.collector, globalThis.location?.href)).toString();
  const warn = warnOnce();
  const anonymousId = newId();
  const sessionId = newId();
  let userId: string | undefined;
  let buffer: QueuedEvent[] = [];
  let sending = false;

  const flush = async (): Promise<void> => {
    if (sending || buffer.length === 0) return;
    sending = true;
    try {
      while (buffer.length > 0) {
        const batch = buffer.slice(0, maxBatch);
        if ((await postBatch(url, batchBody(options.writeKey, batch))) === 'retry') break;
        buffer = buffer.slice(batch.length);
      }
    } finally {
      sending = false;
    }
  };

  const emit = (name: string, props?: unknown): void => {
    try {
      if (typeof name !== 'string' || !/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/.test(name) || name.length > 64) {
        warn(`track(name): "${String(name)}" is not an event name (lowercase dotted words such as report.generated)`);
        return;
      }
      buffer.push({ id: newId(), name, ts: new Date().toISOString(), userId, anonymousId, sessionId, tool: options.tool, props: sanitizeProps(props) });
      if (buffer.length >= maxBatch) void flush();
    } catch (error) {
      warn(`could not record ${name}: ${String(error)}`);
    }
  };

  const timer = setInterval(() => void flush(), options.flushInterval ?? 5000);
  (timer as { unref?: () => void }).unref?.();
  globalThis.document?.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden' || buffer.length === 0) return;
    const batch = buffer.slice(0, maxBatch);
    if (beaconBatch(url, batchBody(options.writeKey, batch))) buffer = buffer.slice(batch.length);
  });

  return {
    identify(id, traits) {
      if (typeof id !== 'string' || !id || id.length > 128) return warn('identify(userId): expected a string of 1–128 characters');
      userId = id;
      emit('identify', traits);
    },
    track: emit,
    ai: {
      request: (feature) => emit('ai.request', { feature: redact(String(feature)) }),
      output(feature, outputId) {
        const props = { feature: redact(String(feature)), outputId: outputId === undefined ? newId() : redact(String(outputId)) };
        emit('ai.output_shown', props);
        return {
          accepted: () => emit('ai.output_accepted', props),
          edited: () => emit('ai.output_edited', props),
          rejected: () => emit('ai.output_rejected', props),
          regenerated: () => emit('ai.output_regenerated', props),
        };
      },
      feature: (feature) => emit('ai.feature_used', { feature: redact(String(feature)) }),
    },
    task: (workflow, o = {}) => emit('task.completed', { workflow: String(workflow), aiAssisted: o.aiAssisted ?? null, minutesSaved: o.minutesSaved ?? null }),
    flush,
  };
}
