import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { Metrics } from '../../src/metrics/types.js';
import { AuthError, getJson } from './api.js';
import { behaviorPanel } from './behavior-panel.js';
import { decayPanel } from './decay-panel.js';
import type { Filters } from './filter-bar.js';
import { headlinePanel } from './headline-panel.js';
import { LightElement } from './light-element.js';
import { outputsPanel } from './outputs-panel.js';
import { retentionPanel } from './retention-panel.js';
import { sustainedPanel } from './sustained-panel.js';
import { clearToken, readToken, saveToken } from './token-store.js';
import { upliftPanel } from './uplift-panel.js';
import { vitalsPanel } from './vitals-panel.js';

/** What the figures cover, as the collector answered (not as the menus say: a late answer never mislabels). */
const scope = (m: Metrics) =>
  [
    m.filters.tool ? `tool ${m.filters.tool}` : 'all tools',
    m.filters.program ? `program ${m.filters.program}` : 'all programs',
    m.filters.cohort ? `cohort ${m.filters.cohort}` : null,
  ]
    .filter(Boolean)
    .join(' · ');

const noFilters: Filters = { tool: '', program: '', cohort: '', asOf: '' };

/**
 * `<uptake-dashboard>`: asks for the admin token once (kept in sessionStorage), then shows the
 * metrics of `GET /v1/metrics` for the chosen filters, live activity and exports. A refused token
 * brings the form back with the collector's reason.
 */
export class DashboardApp extends LightElement {
  @state() private token: string | null = readToken();
  @state() private tokenError = '';
  @state() private checking = false;
  @state() private filters: Filters = noFilters;
  @state() private metrics: Metrics | undefined;
  @state() private loading = false;
  @state() private error = '';
  @state() private tools: string[] = [];
  @state() private programs: string[] = [];
  @state() private cohorts: string[] = [];
  /** Answers to older requests are dropped: the last filters chosen win. */
  private request = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('uptake-auth-error', (e) => this.signOut((e as CustomEvent<string>).detail));
    if (this.token) void this.open(this.token);
  }

  /** Loads the tools and the first metrics with a token; keeps the token only when the collector accepts it. */
  private async open(token: string): Promise<void> {
    this.checking = true;
    try {
      const { tools } = await getJson<{ tools: string[] }>('v1/tools', token);
      saveToken(token);
      this.token = token;
      this.tools = tools;
      this.tokenError = '';
      await this.load(this.filters);
    } catch (error) {
      if (error instanceof AuthError) this.signOut(error.message);
      else this.tokenError = `The collector could not be reached: ${(error as Error).message}`;
    } finally {
      this.checking = false;
    }
  }

  private signOut(reason = ''): void {
    clearToken();
    this.token = null;
    this.metrics = undefined;
    this.tokenError = reason;
  }

  private async load(filters: Filters): Promise<void> {
    if (!this.token) return;
    const id = ++this.request;
    this.filters = filters;
    this.loading = true;
    try {
      const m = await getJson<Metrics>('v1/metrics', this.token, { ...filters });
      if (id !== this.request) return;
      this.metrics = m;
      this.error = '';
      // Program and cohort menus list what an unfiltered answer shows, and keep what was seen before.
      if (!filters.program && !filters.cohort) {
        this.programs = [...new Set([...this.programs, ...m.programs.map((p) => p.program)])];
        this.cohorts = [...new Set([...this.cohorts, ...m.cohorts.map((c) => c.cohort)])];
      }
    } catch (error) {
      if (id !== this.request) return;
      if (error instanceof AuthError) this.signOut(error.message);
      else this.error = (error as Error).message;
    } finally {
      if (id === this.request) this.loading = false;
    }
  }

  override render() {
    return html`<header class="top">
        <h1>Uptake dashboard</h1>
        ${this.token ? html`<button type="button" class="quiet" @click=${() => this.signOut()}>Sign out</button>` : null}
      </header>
      <main id="main">
        ${this.token && !this.checking ? this.dashboard() : html`<uptake-token-form .error=${this.tokenError} ?busy=${this.checking} @uptake-token=${(e: CustomEvent<string>) => this.open(e.detail)}></uptake-token-form>`}
      </main>`;
  }

  private dashboard() {
    const m = this.metrics;
    // The date field shows the day the figures are for, today's when none was chosen.
    return html`<uptake-filters .value=${{ ...this.filters, asOf: this.filters.asOf || (m?.asOf ?? '') }} .tools=${this.tools} .programs=${this.programs} .cohorts=${this.cohorts} @uptake-filters=${(e: CustomEvent<Filters>) => this.load(e.detail)}></uptake-filters>
      <p class="status" role="status" data-state=${this.loading ? 'loading' : 'ready'}>
        ${this.loading ? 'Loading…' : m ? `Figures as of ${m.asOf} · ${scope(m)}; groups of fewer than ${m.minGroupSize} people are suppressed.` : ''}
      </p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      ${
        m
          ? html`${headlinePanel(m)} ${sustainedPanel(m)} ${retentionPanel(m)} ${decayPanel(m)}
            <div class="pair">${behaviorPanel(m)} ${outputsPanel(m)}</div>
            ${upliftPanel(m)} ${vitalsPanel(m)}`
          : null
      }
      <div class="pair">
        <uptake-live .token=${this.token ?? ''}></uptake-live>
        <uptake-export .token=${this.token ?? ''}></uptake-export>
      </div>
      <uptake-studio .token=${this.token ?? ''} .tools=${this.tools}></uptake-studio>`;
  }
}
