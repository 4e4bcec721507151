import { warn } from '../client/warn.js';
import { type Explanation, explainDue, explainLines } from '../rules/explain-due.js';
import type { PromptRuntime } from './types.js';

/** Why each item of the running prompts is or is not due now; before they run, an empty list and a warning. */
export function explainNow(runtime: PromptRuntime | undefined): Explanation[] {
  const input = runtime?.snapshot?.();
  if (input) return explainDue(input);
  // uptake.js has no bytes to spare for a reason per case (docs/tool-teams.md lists them).
  warn('explain: no prompts run yet');
  return [];
}

let said = '';

/** With the debug flag: says in the console why, after a look of the running prompts, when that changed. */
export function sayWhy(runtime: PromptRuntime | undefined): void {
  const input = runtime?.snapshot?.();
  const text = input && explainLines(explainDue(input));
  if (text && text !== said) console.info(`[uptake] ${(said = text)}`);
}
