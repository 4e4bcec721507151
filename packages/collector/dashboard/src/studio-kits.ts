import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KitAdded } from '../../src/kit/add-kit.js';
import type { KitList } from '../../src/http/openapi-answers.js';
import { AuthError } from './api.js';
import { LightElement } from './light-element.js';
import { studioApi } from './studio-api.js';

/** Each audience as the heading and the button name it (the API's names are singular ids). */
const audienceWords: Record<string, string> = {
  executive: 'Executives',
  leader: 'Leaders',
  professional: 'Professionals',
  technical: 'Technical staff',
};
const named = (audience: string) => audienceWords[audience] ?? audience;
const ids = (list: string[]) => list.join(', ');

/** What adding a kit did, in one sentence: the drafts added, and the ids left alone because they exist. */
export function kitAddedWords(r: KitAdded): string {
  const kit = `${named(r.audience)} kit`;
  const skipped = r.skipped.length ? ` Already there, left as they are: ${ids(r.skipped)}.` : '';
  if (!r.added.length) return `${kit}: nothing added, every item exists already.${skipped}`;
  return `${kit}: ${r.added.length} added as drafts, listed above: ${ids(r.added)}.${skipped}`;
}

/**
 * `<uptake-studio-kits>`: the starter kits (issue 18) below the studio's list, each audience with
 * what it applies and its items, and a button that saves the kit as drafts (`POST
 * /v1/admin/kits/{audience}`), as `uptake kit add` does. Only an editor or an admin reaches the studio,
 * so the buttons are theirs. Fires `uptake-studio-kit-added` with the collector's answer, for the list
 * to show the new drafts; the outcome or the refusal is the status line, announced.
 */
export class StudioKits extends LightElement {
  @property({ attribute: false }) token = '';
  @state() private kits: KitList['kits'] = [];
  @state() private status = '';
  @state() private busy = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') && this.token)
      studioApi.kits(this.token).then(
        (answer) => (this.kits = answer.kits),
        (error: Error) => (this.status = `No starter kits: ${error.message}`),
      );
  }

  private async add(audience: string): Promise<void> {
    this.busy = true;
    this.status = `Adding the ${named(audience)} kit…`;
    try {
      const result = await studioApi.addKit(this.token, audience);
      this.dispatchEvent(new CustomEvent('uptake-studio-kit-added', { detail: result, bubbles: true }));
      this.status = kitAddedWords(result);
    } catch (error) {
      if (error instanceof AuthError) this.dispatchEvent(new CustomEvent('uptake-auth-error', { detail: error.message, bubbles: true }));
      this.status = `Not added: ${(error as Error).message}`;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<section class="studio-kits" aria-labelledby="studio-kits-title">
      <h3 id="studio-kits-title">Starter kits</h3>
      <p class="explain">Three prompts per audience, each with a 10% holdout and a goal, and the surveys every kit shares. Adding a kit saves its items as drafts: nothing is shown until you publish them; an item whose id exists is left as it is.</p>
      <p class="status" role="status">${this.status}</p>
      ${this.kits.map(
        (kit) => html`<div class="studio-kit" data-kit=${kit.audience}>
          <h4>${named(kit.audience)}</h4>
          <p>Applies AI to ${kit.applies}.</p>
          <details>
            <summary>Its ${kit.items.length} items</summary>
            <ul>${kit.items.map((i) => html`<li>${i.kind}: ${i.title || i.id} <span class="item-id">${i.id}</span></li>`)}</ul>
          </details>
          <button type="button" ?disabled=${this.busy} @click=${() => this.add(kit.audience)}>Add the ${named(kit.audience).toLowerCase()} kit as drafts</button>
        </div>`,
      )}
      ${this.kits.length || this.status ? nothing : html`<p class="note">Reading the kits…</p>`}
    </section>`;
  }
}
