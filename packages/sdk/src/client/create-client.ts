import { createDelivery } from '../delivery/create-delivery.js';
import { anonymousId } from '../identity/anonymous-id.js';
import { newId } from '../identity/new-id.js';
import { createSession } from '../identity/session.js';
import { persistOptOut } from '../privacy/opt-out.js';
import { connectPrompts, type Extras } from '../prompts/connect-prompts.js';
import type { Explanation } from '../rules/explain-due.js';
import { redact, sanitizeProps } from '../privacy/sanitize-props.js';
import { nameMaxLength, userIdMaxLength } from '../protocol/limits.js';
import type { Props, UptakeOptions } from '../types.js';
import { eventName } from './event-name.js';
import { noHandle, noop } from './no-handle.js';
import { warn } from './warn.js';

/** What `u.ai.output()` returns: report what the user did with the output shown. */
export interface OutputHandle {
  /** The user took the output as it was: `ai.output_accepted`. */
  accepted(): void;
  /** The user took the output and changed it: `ai.output_edited`. */
  edited(): void;
  /** The user discarded the output: `ai.output_rejected`. */
  rejected(): void;
  /** The user asked for another output instead: `ai.output_regenerated`. */
  regenerated(): void;
}

/** The canonical AI events. */
export interface AiHelpers {
  /** The user asked an AI feature for something: `ai.request` with `{ feature }`. Never pass what they typed. */
  request(feature: string): void;
  /** An AI output was shown: `ai.output_shown` with `{ feature, outputId }`; report the user's decision on the handle. */
  output(feature: string, outputId?: string): OutputHandle;
  /** The user used an AI feature that has no output to judge: `ai.feature_used` with `{ feature }`. */
  feature(feature: string): void;
}

/** Options of `identify`. */
export interface IdentifyOptions {
  /** Lowercase hex HMAC-SHA-256(identitySecret, userId), computed by the tool's backend, never in the page. */
  userHash?: string;
}

/** Options of `task`. */
export interface TaskOptions {
  /** Whether AI helped with the task. */
  aiAssisted?: boolean;
  /** Minutes the user reckons AI saved. */
  minutesSaved?: number;
}

/** The SDK's public interface, returned by `init`. No method ever throws into the host page. */
export interface Uptake {
  /**
   * Ties later events to a pseudonymous user id and records an `identify` event with traits (`role`,
   * `team`). For a tool with identity verification, pass `{ userHash }` as the tool's backend computed
   * it (lowercase hex HMAC-SHA-256 of the user id with the tool's identity secret).
   */
  identify(userId: string, traits?: Props, options?: IdentifyOptions): void;
  /** Records an event by name (lowercase dotted words, e.g. `report.generated`) with optional props. */
  track(name: string, props?: Props): void;
  /** The canonical AI events. */
  ai: AiHelpers;
  /** Records a finished piece of work: `task.completed` with `{ workflow, aiAssisted, minutesSaved }`. */
  task(workflow: string, options?: TaskOptions): void;
  /** Sends what is queued now (unless another tab of the tool is sending it); resolves when done. */
  flush(): Promise<void>;
  /** Stops the SDK in this browser for good, deletes the queue and forgets the anonymous id and session. */
  optOut(): Promise<void>;
  /**
   * Shows a prompt or survey of the tool's config by id now (e.g. from a "Give feedback" button),
   * whatever its trigger, audience and caps; a person in its holdout is logged as held out instead.
   * Waits until the person is identified and the tool's config is loaded.
   */
  show(id: string): void;
  /**
   * Shows the item of a studio preview code now, in this browser only, whatever its trigger,
   * audience, caps and holdout, logging nothing. A page opened with `?uptake-preview=<code>` does it by itself.
   */
  preview(code: string): void;
  /**
   * For each prompt and survey of the tool, whether it is due for the identified person now and why
   * (not), in words: audience, trigger, holdout, frequency, the fatigue caps and what used them.
   * Empty, with a console warning saying why, until the person's config has loaded. Loads its words
   * (`uptake-explain.js`) when first asked.
   */
  explain(): Promise<Explanation[]>;
}

/** A value as text; `''` for values that cannot be turned into text (no toString, a Symbol's description aside). */
function text(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** Wraps a public method so that it never throws: an error becomes one warning and `fallback`. */
function guard<A extends unknown[], R>(fn: (...args: A) => R, fallback: R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      warn(`call failed: ${text(error)}`);
      return fallback;
    }
  };
}

/**
 * Builds a working client for validated options; `extras` loads what the build does not carry
 * (the prompts chunk, web-vitals). Every method catches its own errors: the host page never sees one.
 */
export function createClient(options: UptakeOptions, extras: Extras): Uptake {
  const { collector, writeKey, tool } = options;
  const url = (path: string) => new URL(path, new URL(collector, location.href)).href;
  const delivery = createDelivery({ url: url('/v1/batch'), writeKey, tool, interval: options.flushInterval ?? 5000 });
  const anonId = anonymousId();
  const session = createSession();
  let userId: string | undefined;
  let userHash: string | undefined;
  let stopped = false;

  /** Queues an event whose props are already clean (the helpers build them; `track` sanitizes first); returns its `ts`, `''` if not queued. */
  const emit = (name: string, props: Props): string => {
    try {
      if (stopped) return '';
      if (typeof name !== 'string' || name.length > nameMaxLength || !eventName.test(name)) {
        warn(`track: "${text(name)}" is not an event name such as report.generated`);
        return '';
      }
      const now = Date.now();
      const ts = new Date(now).toISOString();
      delivery.add({ id: newId(), name, ts, userId, anonymousId: anonId, sessionId: session(now), tool, props, userHash });
      prompts.note({ name, at: now });
      return ts;
    } catch (error) {
      warn(`${text(name)}: ${text(error)}`);
      return '';
    }
  };
  const record = (name: string, props?: unknown): void => void emit(name, sanitizeProps(props, warn));
  const feature = (value: unknown): Props => ({ feature: redact(text(value)) });

  const prompts = connectPrompts(
    `${url('/v1/config')}?tool=${encodeURIComponent(tool)}&writeKey=${encodeURIComponent(writeKey)}`,
    extras,
    emit,
    options.debug,
  );
  // web-vitals is loaded after the page's load: its observers read buffered entries, so LCP, FCP,
  // TTFB and CLS lose nothing, and uptake.js stays small (docs/DECISIONS.md).
  const vitals = () =>
    void extras
      .vitals()
      .then((m) => m.reportVitals(emit))
      .catch(noop);
  // A preview's code is in the explain chunk: a page without a preview code never loads it.
  const preview = (code: string) =>
    void extras
      .explain()
      .then((m) =>
        m.showPreview?.(`${url('/v1/preview')}?writeKey=${encodeURIComponent(writeKey)}&code=${encodeURIComponent(code)}`, extras),
      )
      .catch((error) => warn(`preview: ${error}`));
  const previewed = new URLSearchParams(location.search).get('uptake-preview');
  if (previewed) preview(previewed);
  if (document.readyState === 'complete') vitals();
  else addEventListener('load', vitals, { once: true });

  // Arguments come from the host page and may be anything (a throwing getter, a revoked Proxy,
  // an object without toString): every public method catches, so the page never sees an error.
  return {
    identify: guard((id: string, traits?: Props, o?: IdentifyOptions) => {
      if (typeof id !== 'string' || !id || id.length > userIdMaxLength)
        return warn(`identify: userId must be a string of 1–${userIdMaxLength} characters`);
      // Checked by the collector, which says in its answer when a hash does not match.
      const hash = typeof o?.userHash === 'string' ? o.userHash : undefined;
      userId = id;
      userHash = hash;
      const clean = sanitizeProps(traits, warn);
      emit('identify', clean);
      if (!stopped) prompts.identify(id, clean, hash);
    }, undefined),
    track: guard(record, undefined),
    ai: {
      request: guard((name: string) => emit('ai.request', feature(name)), undefined),
      output: guard((name: string, outputId?: string): OutputHandle => {
        // A generated id is ours, not user content: it skips redaction, which could hit its digit runs.
        const props = { ...feature(name), outputId: outputId === undefined ? newId() : redact(text(outputId)) };
        emit('ai.output_shown', props);
        const decided = (what: keyof OutputHandle) => () => void emit(`ai.output_${what}`, props);
        return {
          accepted: decided('accepted'),
          edited: decided('edited'),
          rejected: decided('rejected'),
          regenerated: decided('regenerated'),
        };
      }, noHandle),
      feature: guard((name: string) => emit('ai.feature_used', feature(name)), undefined),
    },
    // `record`, not `emit`: the options come from the host page and may hold anything.
    task: guard(
      (workflow: string, o?: { aiAssisted?: boolean; minutesSaved?: number }) =>
        record('task.completed', { workflow: text(workflow), aiAssisted: o?.aiAssisted ?? null, minutesSaved: o?.minutesSaved ?? null }),
      undefined,
    ),
    flush: () => delivery.flush().catch(() => {}),
    show: guard((id: string) => prompts.show(String(id)), undefined),
    preview: guard((code: string) => preview(String(code)), undefined),
    explain: guard(() => prompts.explain().catch(() => []), Promise.resolve([])),
    async optOut() {
      stopped = true;
      prompts.stop();
      persistOptOut();
      await delivery.stop().catch(() => {});
    },
  };
}
