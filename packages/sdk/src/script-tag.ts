import type { OutputHandle, Uptake } from './client/create-client.js';
import { warn } from './client/warn.js';
import type { Extras } from './prompts/connect-prompts.js';
import { startClient } from './start-client.js';

/**
 * Entry of `uptake.js`, the script-tag build. It reads the `data-` attributes of its own tag
 * (`data-collector`, `data-write-key`, `data-tool`, optional `data-consent`, `data-flush-interval`, `data-debug`),
 * starts the SDK, replays the commands the page pushed onto `window.uptake` before it loaded, in
 * order, and becomes `window.uptake` (rollup's IIFE `name`), so later `uptake.push([...])` runs at once.
 */
type Command = [string, ...unknown[]];

// `currentScript` is set while a classic script runs, `async` included; the query is for loaders that inject it.
const script = (document.currentScript ?? document.querySelector('script[data-write-key]')) as HTMLScriptElement | null;
const data = script?.dataset ?? {};

/**
 * Loads a file served next to uptake.js (`uptake-prompts.js`, `uptake-widgets.js`, `uptake-vitals.js`) once, with a script
 * element: it needs no CORS, carries the tag's CSP nonce, and leaves its exports on a global.
 */
const load = <T>(file: string, global: string) => {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= new Promise<T>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = new URL(file, script?.src || location.href).href;
      s.nonce = script?.nonce ?? '';
      s.onload = () => resolve((window as unknown as Record<string, T>)[global] as T);
      s.onerror = reject;
      document.head.append(s);
    }));
};
const extras: Extras = {
  prompts: load('uptake-prompts.js', 'uptakePrompts'),
  widgets: load('uptake-widgets.js', 'uptakeWidgets'),
  vitals: load('uptake-vitals.js', 'uptakeVitals'),
  explain: load('uptake-explain.js', 'uptakeExplain'),
};

const client: Uptake = startClient(
  {
    collector: data['collector'] ?? (script?.src ? new URL(script.src).origin : ''),
    writeKey: data['writeKey'] ?? '',
    tool: data['tool'] ?? '',
    consent: data['consent'] === 'denied' ? 'denied' : undefined,
    flushInterval: data['flushInterval'] ? Number(data['flushInterval']) : undefined,
    debug: 'debug' in data,
  },
  extras,
);

/** Output handles by output id, so `['ai.accepted', feature, outputId]` finds the output it decides. */
const outputs = new Map<string, OutputHandle>();

function run(command: unknown): void {
  try {
    if (!Array.isArray(command) || typeof command[0] !== 'string')
      return warn('push: expected an array such as ["track", "report.generated"]');
    const [verb, ...args] = command as Command;
    const [feature, outputId] = args as [string, string];
    if (verb === 'ai.output') {
      // Bounded: a long-lived page shows outputs for hours. Decisions on forgotten ids still go, alone.
      if (outputs.size > 499) outputs.clear();
      return void outputs.set(outputId, client.ai.output(feature, outputId));
    }
    // ['ai.accepted', feature, outputId] and the like decide the output shown under that id. Without
    // its handle (shown before a reload), the decision goes alone: a made-up `shown` would skew acceptance.
    const decision = /^ai\.(accepted|edited|rejected|regenerated)$/.exec(verb)?.[1] as keyof OutputHandle | undefined;
    if (decision) {
      const handle = outputs.get(outputId);
      return handle ? handle[decision]() : client.track(`ai.output_${decision}`, { feature, outputId });
    }
    // Everything else names a method: 'track' → client.track, 'ai.request' → client.ai.request.
    const [owner, name] = verb.startsWith('ai.') ? [client.ai, verb.slice(3)] : [client, verb];
    const method = Object.hasOwn(owner, name) ? (owner as unknown as Record<string, unknown>)[name] : undefined;
    if (typeof method !== 'function') return warn(`push: unknown command "${verb}"`);
    void method(...args);
  } catch (error) {
    warn(`${error}`);
  }
}

const pending: unknown = (window as { uptake?: unknown }).uptake;
if (Array.isArray(pending)) pending.forEach(run);

/** Runs commands such as `['track', 'report.generated', { rows: 12 }]`, as `window.uptake.push` queued them before the script loaded. */
export function push(...commands: unknown[]): number {
  commands.forEach(run);
  return 0;
}

export const { identify, track, ai, task, flush, optOut, show, preview, explain } = client;
