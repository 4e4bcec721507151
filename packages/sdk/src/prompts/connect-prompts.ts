import type { Explanation } from '../rules/explain-due.js';
import type { LocalEvent } from '../rules/types.js';
import type { Props } from '../types.js';
import type { PromptRuntime, PromptsModule, ConfigForPerson } from './types.js';

/** What `uptake.js` does not carry and loads when a page needs it. */
export interface Extras {
  /** The prompts chunk: the rules and the runtime (with the widgets in the npm build). Loaded only when the tool has prompts or surveys. */
  prompts(): Promise<PromptsModule>;
  /** The studio's hooks (`prompts/studio-hooks.ts`): the words of `uptake.explain()`, loaded when asked (or at start with the debug flag), and a preview's fetch. */
  explain(): Promise<typeof import('./studio-hooks.js')>;
  /** Lit and both widgets, where the prompts chunk leaves them out (the script tag): loaded at the first show. */
  widgets?(): Promise<unknown>;
  /** web-vitals, loaded after the page's `load` event. */
  vitals(): Promise<{ reportVitals(record: (name: string, props: Props) => void): void }>;
}

/** The SDK's side of prompts: it stays in `uptake.js`, so it is kept to the bare minimum. */
export interface PromptsLink {
  /** The SDK recorded an event. */
  note(event: LocalEvent): void;
  /** The person is identified: fetch their config and, when the tool has prompts or surveys, start the chunk. */
  identify(userId: string, traits: Props, userHash?: string): void;
  show(id: string): void;
  /** Why each item is or is not due now, once the chunk runs; else an empty list and a warning saying why not. */
  explain(): Promise<Explanation[]>;
  stop(): void;
}

/**
 * Connects the SDK to the prompts chunk. Prompts wait for an identified person: on `identify`, it
 * fetches `GET /v1/config` for them (the browser revalidates it with its ETag) and loads the chunk
 * only if the tool has prompts or surveys. Events recorded before the chunk starts are handed to it;
 * `show(id)` calls made before then run once it has started. Identifying as someone else, or with
 * other traits, starts over. A failed fetch or load shows nothing; the next `identify` tries again.
 */
export function connectPrompts(
  configUrl: string,
  extras: Extras,
  emit: (name: string, props: Props) => string,
  debug?: boolean,
): PromptsLink {
  let seen: LocalEvent[] = [];
  const wanted: string[] = [];
  let runtime: PromptRuntime | undefined;
  /** Who the running (or loading) runtime is for; a new person or new traits start over. */
  let started = '';
  let person: string | undefined;
  /** Bumped on every start: a fetch or load that finishes for an earlier start is dropped. */
  let generation = 0;
  const restart = (): number => {
    runtime?.stop();
    runtime = undefined;
    return ++generation;
  };
  // The words, and the look at the runtime they need, are in the explain chunk.
  const explain = async (): Promise<Explanation[]> => (await extras.explain()).explainNow(runtime);
  const looked = () => void extras.explain().then((m) => m.sayWhy(runtime));
  return {
    note(event) {
      if (seen.push(event) > 200) seen.shift();
      runtime?.note(event);
    },
    identify(userId, traits, userHash) {
      const who = JSON.stringify([userId, traits, userHash]);
      if (who === started) return;
      // The page's events before the first identify are this person's; another person's never count.
      if (person !== undefined && person !== userId) seen = [];
      person = userId;
      started = who;
      const mine = restart();
      fetch(`${configUrl}&userId=${encodeURIComponent(userId)}${userHash ? `&userHash=${userHash}` : ''}`)
        .then((res) => (res.ok ? (res.json() as Promise<ConfigForPerson>) : Promise.reject(new Error(`${res.status}`))))
        .then(async (config) => {
          if (!(config.prompts.length || config.surveys.length)) return;
          const chunk = await extras.prompts();
          if (mine !== generation) return;
          runtime = chunk.startPrompts({
            config,
            userId,
            traits,
            events: seen.slice(),
            emit,
            looked: debug ? looked : undefined,
            widgets: extras.widgets,
          });
          wanted.splice(0).forEach(runtime.show);
        })
        // Nothing shows on this page; the next identify (or page) tries again.
        .catch(() => void (mine === generation && (started = '')));
    },
    show(id) {
      if (runtime) runtime.show(id);
      else wanted.push(id);
    },
    explain,
    stop() {
      started = '\0stopped';
      restart();
    },
  };
}
