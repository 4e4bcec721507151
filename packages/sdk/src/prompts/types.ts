import type { ConfigAnswer, PromptConfig, SurveyConfig } from '../protocol/index.js';
import type { ExplainInput } from '../rules/explain-due.js';
import type { ExposureHistory, LocalEvent } from '../rules/types.js';
import type { Props } from '../types.js';

/** A prompt as `GET /v1/config` sends it (the collector validated it against the protocol's schema). */
export type PromptItem = PromptConfig;

/** A survey as `GET /v1/config` sends it: what `<uptake-pulse>` shows, plus its rules. */
export type SurveyItem = SurveyConfig;

/** The answer of `GET /v1/config` for the identified person the SDK asks about: their history is there. */
export type ConfigForPerson = ConfigAnswer & { history: ExposureHistory };

/** What the SDK hands the prompts chunk when it starts it. */
export interface PromptHost {
  config: ConfigForPerson;
  userId: string;
  /** Traits from `identify`, sanitized (`role`, `team`, `cohort`, `program` are read). */
  traits: Props;
  /** Events recorded on this page before the chunk started, oldest first. */
  events: LocalEvent[];
  /** Records an event the way the SDK's own helpers do (props are already clean); returns its `ts`, or `''` if it was not recorded. */
  emit(name: string, props: Props): string;
  /** Called after each look for what is due: with the debug flag, the SDK then says why in the console. */
  looked?: () => void;
  /** Loads the widgets where the build left them out (the script tag's `uptake-widgets.js`); called at the first show. */
  widgets?(): Promise<unknown>;
}

/** The running prompts engine of one page and one person. */
export interface PromptRuntime {
  /** The SDK recorded an event: count it for `event` triggers and look for what is due now. */
  note(event: LocalEvent): void;
  /** Shows a prompt or survey by id now, whatever its trigger and caps; a held-out person is logged as held out instead. */
  show(id: string): void;
  /** What `explainDue` needs to say why each item is or is not due now (absent from chunks built before it). */
  snapshot?(): ExplainInput;
  /** Removes what is on screen and stops listening. */
  stop(): void;
}

/** The prompts chunk, as `uptake-prompts.js` or a dynamic import of the npm package hands it over. */
export interface PromptsModule {
  startPrompts(host: PromptHost): PromptRuntime;
  /** Shows a studio preview of an item now, logging nothing (absent from chunks built before the studio). */
  previewItem?(item: PromptItem | SurveyItem): void;
}
