import { init, inertClient } from './init.js';
import type { OutputHandle, Uptake } from './create-client.js';

/**
 * Entry of `uptake.js`, the script-tag build. It reads the `data-` attributes of its own tag, starts
 * the SDK, replays the commands the page pushed onto `window.uptake` before it loaded, and becomes
 * `window.uptake` (rollup's IIFE `name`), so later `uptake.push([...])` calls run at once.
 */
type Command = [string, ...unknown[]];

const script = (document.currentScript ?? document.querySelector('script[data-write-key]')) as HTMLScriptElement | null;
const data = script?.dataset ?? {};
const consentDenied = data['consent'] === 'denied' || (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
const client: Uptake = consentDenied
  ? inertClient
  : init({ collector: data['collector'] ?? (script ? new URL(script.src).origin : ''), writeKey: data['writeKey'] ?? '', tool: data['tool'] ?? '' });

const outputs = new Map<string, OutputHandle>();

function run(command: unknown): void {
  try {
    if (!Array.isArray(command) || typeof command[0] !== 'string') {
      console.warn('[uptake] push(command): expected an array such as ["track", "report.generated", {}]');
      return;
    }
    const [verb, a, b] = command as Command;
    switch (verb) {
      case 'identify': return client.identify(a as string, b as Record<string, string>);
      case 'track': return client.track(a as string, b as Record<string, string>);
      case 'task': return client.task(a as string, b as { aiAssisted?: boolean });
      case 'ai.request': return client.ai.request(a as string);
      case 'ai.feature': return client.ai.feature(a as string);
      case 'ai.output': {
        outputs.set(String(b), client.ai.output(a as string, b as string));
        return;
      }
      case 'ai.accepted': case 'ai.edited': case 'ai.rejected': case 'ai.regenerated': {
        const handle = outputs.get(String(b)) ?? client.ai.output(a as string, b as string);
        handle[verb.slice(3) as keyof OutputHandle]();
        return;
      }
      default:
        console.warn(`[uptake] push(command): unknown command "${verb}"`);
    }
  } catch (error) {
    console.warn(`[uptake] ${String(error)}`);
  }
}

const pending: unknown = (window as { uptake?: unknown }).uptake;
if (Array.isArray(pending)) pending.forEach(run);

/** Runs commands, as `window.uptake.push` did before the script loaded. */
export function push(...commands: unknown[]): number {
  commands.forEach(run);
  return 0;
}

export const { identify, track, ai, task, flush } = client;
