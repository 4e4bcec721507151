import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KitAdded } from '../../src/kit/add-kit.js';
import type { Metrics } from '../../src/metrics/types.js';
import { AuthError, getJson } from './api.js';
import { LightElement } from './light-element.js';
import { type ItemLine, type ItemView, studioApi } from './studio-api.js';
import type { Kind } from './studio-draft.js';
import { StudioEditor } from './studio-editor.js';
import { StudioKits } from './studio-kits.js';
import { StudioPlan } from './studio-plan.js';
import { headline, StudioResults } from './studio-results.js';

if (!customElements.get('uptake-studio-editor')) customElements.define('uptake-studio-editor', StudioEditor);
if (!customElements.get('uptake-studio-kits')) customElements.define('uptake-studio-kits', StudioKits);
if (!customElements.get('uptake-studio-plan')) customElements.define('uptake-studio-plan', StudioPlan);
if (!customElements.get('uptake-studio-results')) customElements.define('uptake-studio-results', StudioResults);

const statusWords = { draft: 'Draft', live: 'Live', paused: 'Paused', archived: 'Archived' } as const;

/**
 * `<uptake-studio>`: the prompts and surveys of the collector, the config file's (read-only) and the
 * studio's, with their status; "New prompt", "New survey", an item's editor in place of the list, and
 * the starter kits below it.
 */
export class StudioPanel extends LightElement {
  @property({ attribute: false }) token = '';
  @property({ attribute: false }) tools: string[] = [];
  @state() private items: ItemLine[] = [];
  @state() private error = '';
  @state() private editing: { kind: Kind; view: ItemView | null } | null = null;
  /** Each item's results, as this token reads `/v1/metrics`; null until read, or when it cannot be. */
  @state() private metrics: Metrics | null = null;
  @state() private results: { kind: Kind; id: string } | null = null;
  /** The ids a starter kit just added, marked in the list. */
  @state() private added = new Set<string>();
  /** The list row to give focus back to when the editor closes. */
  private returnTo = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') && this.token) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = (await studioApi.items(this.token)).items;
      this.error = '';
      // The headline results: a failure leaves them out, never the list.
      this.metrics = await getJson<Metrics>('v1/metrics', this.token).catch(() => null);
    } catch (error) {
      if (error instanceof AuthError) this.dispatchEvent(new CustomEvent('uptake-auth-error', { detail: error.message, bubbles: true }));
      this.error = (error as Error).message;
    }
  }

  private async open(kind: Kind, id: string | null, from: string): Promise<void> {
    this.returnTo = from;
    try {
      this.editing = { kind, view: id === null ? null : await studioApi.item(this.token, kind, id) };
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private showResults(kind: Kind, id: string, from: string): void {
    this.returnTo = from;
    this.results = { kind, id };
  }

  /** After a kit was added: the list read again, its new drafts marked (only the studio's items: a file item never is a kit's draft). */
  private async kitAdded(result: KitAdded): Promise<void> {
    await this.load();
    this.added = new Set(this.items.filter((i) => i.source === 'studio' && result.added.includes(i.id)).map((i) => `${i.kind}:${i.id}`));
  }

  private async close(): Promise<void> {
    this.editing = null;
    this.results = null;
    await this.load();
    await this.updateComplete;
    this.querySelector<HTMLElement>(`[data-open="${this.returnTo}"]`)?.focus();
  }

  override render() {
    return html`<section class="panel studio" id="studio" aria-labelledby="studio-title">
      <h2 id="studio-title">Prompts and surveys</h2>
      <p class="explain">Write, preview and publish tips and pulse surveys: a published change reaches people at their next page load, with no restart. Items of the config file are listed read-only.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.editing
          ? html`<uptake-studio-editor .token=${this.token} .tools=${this.tools} .kind=${this.editing.kind} .view=${this.editing.view} .metrics=${this.metrics}
              @uptake-studio-changed=${() => void this.load()} @uptake-studio-close=${() => void this.close()}></uptake-studio-editor>`
          : this.results
            ? html`<button type="button" @click=${() => void this.close()}>Back to the list</button>
              <uptake-studio-results .token=${this.token} .kind=${this.results.kind} .itemId=${this.results.id} .metrics=${this.metrics}></uptake-studio-results>`
            : this.list()
      }
    </section>`;
  }

  private list() {
    return html`<div class="buttons">
        <button type="button" data-open="new-prompt" @click=${() => this.open('prompt', null, 'new-prompt')}>New prompt</button>
        <button type="button" data-open="new-survey" @click=${() => this.open('survey', null, 'new-survey')}>New survey</button>
      </div>
      ${
        this.items.length === 0
          ? html`<p class="note">No prompts or surveys yet.</p>`
          : html`<div class="scroll" tabindex="0" role="region" aria-label="Prompts and surveys, table">
            <table class="studio-items">
              <caption>Prompts and surveys, in the order they are considered</caption>
              <thead><tr><th scope="col">Item</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Version</th><th scope="col">Where</th><th scope="col">Last change</th><th scope="col">Result</th></tr></thead>
              <tbody>${this.items.map((item) => {
                const key = `${item.kind}:${item.id}`;
                return html`<tr>
                  <th scope="row"><button type="button" class="link" data-open=${key} @click=${() => this.open(item.kind, item.id, key)}>${item.title || item.id}</button>
                    <span class="item-id">${item.id}</span></th>
                  <td>${item.kind}</td>
                  <td><span class=${`badge ${item.status}`}>${statusWords[item.status]}</span>${this.added.has(key) ? html` <span class="note">added from a kit</span>` : nothing}${item.unpublished && item.status !== 'draft' ? html` <span class="note">unpublished changes</span>` : nothing}${item.warning ? html` <span class="error">${item.warning}</span>` : nothing}</td>
                  <td>${item.version ?? '—'}</td>
                  <td>${item.source === 'file' ? 'config file' : 'studio'}</td>
                  <td>${item.savedAt ? `${item.savedAt.slice(0, 16).replace('T', ' ')} UTC by ${item.savedBy}` : '—'}</td>
                  <td>${headline(item.kind, item.id, this.metrics)}
                    <button type="button" class="link" data-open=${`results:${key}`} aria-label=${`Results of ${item.id}`}
                      @click=${() => this.showResults(item.kind, item.id, `results:${key}`)}>Results</button></td>
                </tr>`;
              })}</tbody>
            </table>
          </div>`
      }
      <uptake-studio-kits .token=${this.token} @uptake-studio-kit-added=${(e: CustomEvent<KitAdded>) => void this.kitAdded(e.detail)}></uptake-studio-kits>`;
  }
}
