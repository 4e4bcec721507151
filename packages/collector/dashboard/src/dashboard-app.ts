import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { Capability } from '../../src/config/roles.js';
import type { Metrics } from '../../src/metrics/types.js';
import { AuthError, type Caller, getJson, whoami } from './api.js';
import { behaviorPanel } from './behavior-panel.js';
import { decayPanel } from './decay-panel.js';
import type { Filters } from './filter-bar.js';
import { engagementPanel } from './engagement-panel.js';
import { headlinePanel } from './headline-panel.js';
import { LightElement } from './light-element.js';
import { outputsPanel } from './outputs-panel.js';
import { retentionPanel } from './retention-panel.js';
import { sustainedPanel } from './sustained-panel.js';
import { trendsPanel } from './trends-panel.js';
import { clearToken, readToken, saveToken } from './token-store.js';
import { upliftPanel } from './uplift-panel.js';
import { vitalsPanel } from './vitals-panel.js';
import { withheldNotice } from './withheld-notice.js';

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
 * `<uptake-dashboard>`: asks for a token once (kept in sessionStorage), asks the collector whose it
 * is (`GET /v1/whoami`), then shows what its role may use: the metrics of `GET /v1/metrics` for the
 * chosen filters, and live activity and exports where the role allows them, saying why where it
 * does not. A refused token brings the form back with the collector's reason.
 */
export class DashboardApp extends LightElement {
  @state() private token: string | null = readToken();
  /** Whose the token is, once the collector said so. */
  @state() private caller: Caller | undefined;
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

  /** Whether the signed-in role may do `capability`. */
  private may(capability: Capability): boolean {
    return this.caller?.capabilities.includes(capability) ?? false;
  }

  /** Asks whose the token is, then loads the tools and the first metrics; keeps the token only when the collector accepts it. */
  private async open(token: string): Promise<void> {
    this.checking = true;
    try {
      const caller = await whoami(token);
      saveToken(token);
      this.token = token;
      this.caller = caller;
      this.tools = this.may('readMetrics') ? (await getJson<{ tools: string[] }>('v1/tools', token)).tools : [];
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
    this.caller = undefined;
    this.metrics = undefined;
    this.tokenError = reason;
  }

  private async load(filters: Filters): Promise<void> {
    if (!this.token || !this.may('readMetrics')) return;
    const id = ++this.request;
    this.filters = filters;
    this.loading = true;
    try {
      const m = await getJson<Metrics>('v1/metrics', this.token, { ...filters, series: 'weekly' });
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
        ${
          this.token
            ? html`<div class="session">
                ${this.caller ? html`<p data-caller=${this.caller.role}>Signed in as <strong>${this.caller.name}</strong> (${this.caller.role})</p>` : null}
                <button type="button" class="quiet" @click=${() => this.signOut()}>Sign out</button>
              </div>`
            : null
        }
      </header>
      <main id="main">
        ${this.token && this.caller && !this.checking ? this.dashboard(this.caller) : html`<uptake-token-form .error=${this.tokenError} ?busy=${this.checking} @uptake-token=${(e: CustomEvent<string>) => this.open(e.detail)}></uptake-token-form>`}
      </main>`;
  }

  private dashboard(caller: Caller) {
    const m = this.metrics;
    // The date field shows the day the figures are for, today's when none was chosen.
    return html`<uptake-filters .value=${{ ...this.filters, asOf: this.filters.asOf || (m?.asOf ?? '') }} .tools=${this.tools} .programs=${this.programs} .cohorts=${this.cohorts} @uptake-filters=${(e: CustomEvent<Filters>) => this.load(e.detail)}></uptake-filters>
      <p class="status" role="status" data-state=${this.loading ? 'loading' : 'ready'}>
        ${this.loading ? 'Loading…' : m ? `Figures as of ${m.figuresAsOf ?? m.asOf} · ${scope(m)}; groups of fewer than ${m.minGroupSize} people are suppressed.` : ''}
      </p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      ${
        m
          ? html`${headlinePanel(m)} ${engagementPanel(m)} ${trendsPanel(m)} ${sustainedPanel(m)} ${retentionPanel(m)} ${decayPanel(m)}
            <div class="pair">${behaviorPanel(m)} ${outputsPanel(m)}</div>
            ${upliftPanel(m)} ${vitalsPanel(m)}`
          : null
      }
      <div class="pair">
        ${
          this.may('readExact')
            ? html`<uptake-live .token=${this.token ?? ''}></uptake-live>`
            : withheldNotice('live', 'Live activity', 'readExact', caller, 'Live activity shows exact event counts')
        }
        ${this.may('export') ? html`<uptake-export .token=${this.token ?? ''}></uptake-export>` : withheldNotice('export', 'Export the events', 'export', caller)}
      </div>
      ${
        this.may('editItems')
          ? html`<uptake-studio .token=${this.token ?? ''} .tools=${this.tools}></uptake-studio>`
          : withheldNotice('studio', 'Studio', 'editItems', caller)
      }`;
  }
}
