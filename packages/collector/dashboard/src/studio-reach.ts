import { html } from 'lit';
import type { ReachEstimate } from '../../src/studio/reach-types.js';
import type { Asked } from './settled-ask.js';
import type { Draft } from './studio-draft.js';

export type { ReachEstimate };

/** The part of a draft the estimate depends on: a new estimate is asked only when it changes. */
export function reachKey(draft: Draft): string {
  return JSON.stringify([draft['tools'] ?? null, draft['audience'] ?? null, draft['trigger'] ?? null]);
}

/**
 * The reach estimate beside the preview: one sentence, how each condition was counted, and the
 * conditions that cannot be estimated. Text only, announced politely when it changes (not a
 * `status` role: the form's own status line is the one that reports actions).
 */
export function reachSection(reach: Asked<ReachEstimate>) {
  const body = (() => {
    switch (reach.state) {
      case 'idle':
        return html`<p class="note">The estimate appears once the audience and trigger are valid.</p>`;
      case 'waiting':
        return html`<p class="note">Estimating…</p>`;
      case 'failed':
        return html`<p class="note">No estimate: ${reach.message}</p>`;
      case 'done': {
        const e = reach.answer;
        return html`<p class="reach-summary">${e.summary}</p>
          <p class="note">As of ${e.asOf}; figures are rounded with noise and never go below ${e.minGroupSize} people, so no one can be singled out.</p>
          <p class="note">Counted: ${e.basis.join('; ')}.</p>`;
      }
    }
  })();
  return html`<h4>Reach</h4>
    <div class="studio-reach" aria-live="polite">${body}</div>`;
}
