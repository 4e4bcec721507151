import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AuthError, getJson } from './api.js';
import { int } from './format.js';
import { LightElement } from './light-element.js';

/** `GET /v1/stats`. */
interface Stats {
  events: number;
  users: number;
  byName: { name: string; events: number }[];
}

interface Arrival {
  at: string;
  name: string;
  count: number;
}

/**
 * `<uptake-live>`: recent activity. Polls `/v1/stats` every `interval` ms while the page is visible
 * and lists the events that arrived since the previous poll, so someone clicking in an instrumented
 * tool sees their own events come in. Fires `uptake-auth-error` when the token is refused.
 */
export class LivePanel extends LightElement {
  @property({ attribute: false }) token = '';
  /** Milliseconds between polls. */
  @property({ type: Number }) interval = 3000;
  @state() private stats: Stats | undefined;
  @state() private arrivals: Arrival[] = [];
  @state() private error = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: Map<string, number> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.poll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    if (document.visibilityState === 'visible') {
      try {
        const stats = await getJson<Stats>('v1/stats', this.token);
        const now = new Map(stats.byName.map((n) => [n.name, n.events]));
        if (this.last) {
          const time = new Date().toLocaleTimeString('en-GB');
          const fresh = [...now]
            .filter(([name, n]) => n > (this.last?.get(name) ?? 0))
            .map(([name, n]) => ({ at: time, name, count: n - (this.last?.get(name) ?? 0) }));
          if (fresh.length) this.arrivals = [...fresh, ...this.arrivals].slice(0, 12);
        }
        this.last = now;
        this.stats = stats;
        this.error = '';
      } catch (error) {
        if (error instanceof AuthError) {
          this.dispatchEvent(new CustomEvent('uptake-auth-error', { detail: error.message, bubbles: true }));
          return;
        }
        this.error = `Live activity paused: ${(error as Error).message}`;
      }
    }
    if (this.isConnected) this.timer = setTimeout(() => void this.poll(), this.interval);
  }

  override render() {
    const s = this.stats;
    return html`<section class="panel live" aria-labelledby="live-title">
      <h2 id="live-title">Live activity</h2>
      <p class="explain">Every ${this.interval / 1000} s: events stored so far, and what arrived since. Click in the example tool to see your own events arrive.</p>
      <p data-figure="live-total">${s ? html`<strong>${int(s.events)}</strong> events from <strong>${int(s.users)}</strong> people stored` : 'Loading…'}</p>
      ${this.error ? html`<p class="error">${this.error}</p>` : null}
      <h3>Arrived just now</h3>
      <ol class="arrivals" aria-live="polite" data-live="arrivals">
        ${this.arrivals.length === 0 ? html`<li class="quiet">Nothing new yet.</li>` : this.arrivals.map((a) => html`<li><time>${a.at}</time> <code>${a.name}</code> +${int(a.count)}</li>`)}
      </ol>
    </section>`;
  }
}
