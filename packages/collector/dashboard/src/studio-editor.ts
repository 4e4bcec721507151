import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Metrics } from '../../src/metrics/types.js';
import { AuthError } from './api.js';
import { LightElement } from './light-element.js';
import { type ItemView, type PreviewLinks, StudioRefusal, studioApi } from './studio-api.js';
import { blankDraft, type Checked, checkDraft, type Draft, type Kind, withValue } from './studio-draft.js';
import { type FieldContext, textField } from './studio-fields.js';
import { draftDiff, lookControls, type PreviewLook, previewWidget } from './studio-preview.js';
import { questionsEditor } from './studio-questions.js';
import { type Asked, SettledAsk } from './settled-ask.js';
import { type ReachEstimate, reachKey, reachSection } from './studio-reach.js';
import { audienceSection, contentSection, frequencySection, goalSection, toolsSection, triggerSection } from './studio-sections.js';

const idPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * `<uptake-studio-editor>`: the form of one prompt or survey, checked as it is typed by the config
 * file's own schema (each problem next to its field), with the real widget previewed beside it in
 * each theme and language, the changes from the live version, and the studio's actions: save the
 * draft, publish, pause, archive, preview on the tool. Fires `uptake-studio-changed` after a change
 * and `uptake-studio-close` to go back to the list. The config file's items are shown read-only.
 */
export class StudioEditor extends LightElement {
  @property({ attribute: false }) token = '';
  @property({ attribute: false }) tools: string[] = [];
  @property() kind: Kind = 'prompt';
  /** The item as the collector has it; null for a new one. */
  @property({ attribute: false }) view: ItemView | null = null;
  /** `/v1/metrics` as the token reads it, for a published prompt's power plan; null when not read. */
  @property({ attribute: false }) metrics: Metrics | null = null;
  @state() private draft: Draft = {};
  @state() private newId = '';
  @state() private checked: Checked = { ok: true, item: {} };
  /** The last draft that passed, which the preview shows. */
  @state() private valid: Draft | null = null;
  @state() private touched = new Set<string>();
  @state() private attempted = false;
  @state() private serverIssues = new Map<string, string[]>();
  @state() private status = '';
  @state() private busy = false;
  @state() private look: PreviewLook = { theme: 'light', lang: 'en' };
  @state() private links: PreviewLinks | null = null;
  @state() private reach: Asked<ReachEstimate> = { state: 'idle' };
  private reachAsk = new SettledAsk<ReachEstimate>((reach) => (this.reach = reach));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') || changed.has('kind')) {
      this.setDraft(this.view ? structuredClone(this.view.draft) : blankDraft(this.kind));
      this.touched = new Set();
      this.attempted = false;
      this.links = null;
    }
  }

  protected override updated(): void {
    // Asked again once the audience, trigger or tools have stayed unchanged for a moment, and valid.
    if (!this.valid || !this.token) return;
    const draft = this.valid;
    this.reachAsk.ask(reachKey(draft), () => studioApi.reach(this.token, this.kind, this.itemId || 'new-item', draft));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reachAsk.stop();
  }

  override firstUpdated(): void {
    this.querySelector<HTMLElement>('.studio-editor h3')?.focus();
  }

  private get itemId(): string {
    return this.view?.id ?? this.newId;
  }

  private get readonly(): boolean {
    return this.view?.source === 'file';
  }

  private setDraft(draft: Draft): void {
    this.draft = draft;
    this.checked = checkDraft(this.kind, { ...draft, id: this.itemId || 'new-item' });
    if (this.checked.ok) this.valid = this.checked.item;
  }

  /** The problems to show: those of fields touched, or all of them once a save was tried, and the collector's. */
  private issues(): Map<string, string[]> {
    const shown = new Map(this.serverIssues);
    if (!this.checked.ok)
      for (const [path, messages] of this.checked.issues)
        if (
          this.attempted ||
          [...this.touched].some((t) => path === t || path.startsWith(`${t}.`) || path.startsWith(`${t}[`) || t.startsWith(path))
        )
          shown.set(path, messages);
    if ((this.attempted || this.touched.has('id')) && !this.view && !idPattern.test(this.newId))
      shown.set('id', ['expected 1–64 characters of a-z 0-9 _ - such as critique-tip']);
    return shown;
  }

  override render() {
    const kindName = this.kind === 'prompt' ? 'prompt' : 'survey';
    const ctx: FieldContext = {
      draft: this.draft,
      issues: this.issues(),
      shown: new Set(),
      readonly: this.readonly,
      set: (path, value) => {
        this.touched = new Set([...this.touched, path]);
        this.serverIssues = new Map();
        this.setDraft(withValue(this.draft, path, value));
      },
    };
    const v = this.view;
    const form = html`${
      v
        ? nothing
        : html`<div class="field">
          <label for="studio-id">Id</label>
          <p class="hint" id="studio-id-hint">Names the ${kindName} in events and metrics; it cannot change once saved.</p>
          <input id="studio-id" type="text" .value=${this.newId} aria-describedby=${ctx.issues.has('id') ? 'studio-id-hint studio-id-error' : 'studio-id-hint'}
            aria-invalid=${ctx.issues.has('id') ? 'true' : 'false'} @input=${(e: Event) => {
              this.newId = (e.target as HTMLInputElement).value.trim();
              this.touched = new Set([...this.touched, 'id']);
              this.setDraft(this.draft);
            }} />
          ${ctx.issues.has('id') ? html`<p class="error field-error" id="studio-id-error">${ctx.issues.get('id')?.join('; ')}</p>` : nothing}
        </div>`
    }
      ${toolsSection(ctx, this.tools)}
      ${this.kind === 'prompt' ? contentSection(ctx) : html`${this.surveyTitle(ctx)} ${questionsEditor(ctx, this.draft, (q) => ctx.set('questions', q))}`}
      ${triggerSection(ctx)} ${audienceSection(ctx)} ${frequencySection(ctx, this.kind)} ${this.kind === 'prompt' ? goalSection(ctx) : nothing}`;
    ctx.shown.add('id');
    const rest = [...ctx.issues].filter(([path]) => !ctx.shown.has(path));
    return html`<section class="panel studio-editor" aria-labelledby="studio-editor-title">
      <div class="top">
        <h3 id="studio-editor-title" tabindex="-1">${v ? `${kindName} ${v.id}` : `New ${kindName}`}</h3>
        <button type="button" class="quiet" @click=${() => this.dispatchEvent(new CustomEvent('uptake-studio-close', { bubbles: true }))}>Back to the list</button>
      </div>
      <p class="note">${
        v
          ? `${v.source === 'file' ? 'From the config file: read-only here; change it in uptake.config.json.' : `Status ${v.status}, version ${v.version}${v.liveVersion ? `, live version ${v.liveVersion}` : ''}, saved by ${v.savedBy} at ${v.savedAt}.`}`
          : 'A new draft: nothing is shown to anyone until it is published.'
      }</p>
      ${v?.warning ? html`<p class="error">${v.warning}</p>` : nothing}
      <div class="studio-columns">
        <form class="studio-form" novalidate @submit=${this.submit}>
          ${form}
          ${
            rest.length
              ? html`<div class="error" role="alert"><p>Also to fix:</p><ul>${rest.map(([path, messages]) => html`<li>${path ? `${path}: ` : ''}${messages.join('; ')}</li>`)}</ul></div>`
              : nothing
          }
          ${this.readonly ? nothing : this.actions()}
        </form>
        <div class="studio-side">
          <h4>Preview</h4>
          ${lookControls(this.look, (look) => (this.look = look))}
          ${!this.checked.ok && this.valid ? html`<p class="note">The draft has problems: the preview shows its last valid state.</p>` : nothing}
          <div class="studio-preview">${this.valid ? previewWidget(this.kind, this.valid, this.look) : html`<p class="note">The preview appears once the ${kindName} is valid.</p>`}</div>
          ${reachSection(this.reach)}
          ${this.kind === 'prompt' ? this.planSection() : nothing}
          ${v?.live ? html`<h4>Changes</h4>${draftDiff(v.live, this.checked.ok ? this.checked.item : this.draft)}` : nothing}
        </div>
      </div>
    </section>`;
  }

  /** The prompt's power plan: the metrics' once it was published, else one asked for the draft as it stands. */
  private planSection() {
    const v = this.view;
    const launched = !!v && v.status !== 'draft';
    const measured = launched ? this.metrics?.prompts.find((p) => p.id === v.id) : undefined;
    return html`<uptake-studio-plan .token=${this.token} .itemId=${this.itemId} .draft=${this.valid} .launched=${launched}
      .measured=${measured}></uptake-studio-plan>`;
  }

  private surveyTitle(ctx: FieldContext) {
    return html`<fieldset class="studio-group"><legend>Card</legend>${textField(ctx, 'title', 'Title', { hint: 'Heading of the survey card; optional.' })}</fieldset>`;
  }

  private actions() {
    const v = this.view;
    const live = v?.status === 'live';
    return html`<div class="buttons studio-actions">
        <button type="submit" ?disabled=${this.busy}>Save draft</button>
        ${v ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.change('publish')}>${live && v.unpublished ? 'Publish the changes' : 'Publish'}</button>` : nothing}
        ${live ? html`<button type="button" class="quiet" ?disabled=${this.busy} @click=${() => this.change('pause')}>Pause</button>` : nothing}
        ${v && v.status !== 'archived' ? html`<button type="button" class="quiet" ?disabled=${this.busy} @click=${() => this.change('archive')}>Archive</button>` : nothing}
        ${v ? html`<button type="button" class="quiet" ?disabled=${this.busy} @click=${() => this.preview()}>Preview on the tool</button>` : nothing}
      </div>
      <p class="status" role="status">${this.status}</p>
      ${
        this.links
          ? html`<ul class="preview-links">${this.links.links.map((l) => html`<li><a href=${l.url} target="_blank" rel="noopener noreferrer">Open the preview on ${l.tool}</a></li>`)}
              <li>Or add <code>?uptake-preview=${this.links.code}</code> to a page of the tool. Works until ${this.links.expiresAt}; logs nothing.</li></ul>`
          : nothing
      }`;
  }

  /** Runs a studio call; a refusal becomes the status (and, for an invalid item, problems next to the fields). */
  private async run(what: string, work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.status = `${what}…`;
    try {
      await work();
    } catch (error) {
      if (error instanceof AuthError) this.dispatchEvent(new CustomEvent('uptake-auth-error', { detail: error.message, bubbles: true }));
      if (error instanceof StudioRefusal) {
        this.serverIssues = new Map(error.issues.map((i) => [i.path, [i.message]]));
        this.status = `Not done: ${error.message}`;
      } else this.status = `Not done: ${(error as Error).message}`;
    } finally {
      this.busy = false;
    }
  }

  private submit(event: Event): void {
    event.preventDefault();
    void this.save();
  }

  private async save(): Promise<void> {
    this.attempted = true;
    if (!this.checked.ok || (!this.view && !idPattern.test(this.newId))) {
      this.status = 'Not saved: fix the fields marked in red.';
      await this.updateComplete;
      this.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await this.run('Saving', async () => {
      const saved = await studioApi.save(this.token, this.kind, this.itemId, this.draft, this.view?.etag ?? null);
      this.changed(saved, `Saved as version ${saved.version}${saved.status === 'live' ? ': publish to show it' : ''}.`);
    });
  }

  private async change(change: 'publish' | 'pause' | 'archive'): Promise<void> {
    const v = this.view;
    if (!v) return;
    const words = { publish: 'Published: people get it at their next page load.', pause: 'Paused: no longer shown.', archive: 'Archived.' };
    await this.run(change === 'publish' ? 'Publishing' : change === 'pause' ? 'Pausing' : 'Archiving', async () => {
      this.changed(await studioApi.change(this.token, v.kind, v.id, change, v.etag), words[change]);
    });
  }

  private async preview(): Promise<void> {
    const v = this.view;
    if (!v) return;
    await this.run('Making a preview link', async () => {
      this.links = await studioApi.preview(this.token, v.kind, v.id);
      this.status = this.links.links.length ? 'Preview link ready.' : 'Preview code ready.';
    });
  }

  private changed(view: ItemView, message: string): void {
    this.view = view;
    this.dispatchEvent(new CustomEvent('uptake-studio-changed', { detail: view, bubbles: true }));
    // After the view's reset of the form: the message stays.
    void this.updateComplete.then(() => (this.status = message));
  }
}
