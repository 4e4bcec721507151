import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LiveMessage } from '../../src/http/live-message.js';
import { readLiveMessages } from '../../src/http/read-live-messages.js';
import { AuthError, apiUrl, getJson } from './api.js';
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

/** A line of the event list: what the stream said, and when it arrived here. */
interface Entry {
  key: number;
  at: string;
  message: Exclude<LiveMessage, { type: 'hello' | 'bye' }>;
}

/** Lines the event list keeps, and lines held back while it is paused. */
const listed = 50;
/** The stored totals are asked again at most this often, and only after something arrived. */
const statsEveryMs = 60_000;
/** After the stream drops (the collector restarted, the network), it is opened again this much later. */
const reconnectMs = 5_000;

const clock = () => new Date().toLocaleTimeString('en-GB');
const propText = (props: Record<string, unknown>) =>
  Object.entries(props)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
const who = (m: { person?: string; identified?: boolean }) =>
  m.person === undefined ? '' : `${m.identified ? 'person' : 'anon'} ${m.person}`;

/**
 * `<uptake-live>`: events as the collector receives them, from `GET /v1/live` (a stream, for analyst
 * and admin tokens): a tally of what arrived in the last `interval` ms, and a pausable list of the
 * events with their props and of the refused ones with their reasons. The stored totals come from
 * `/v1/stats` when the panel opens and at most once a minute while events arrive (the panel used to
 * poll it every 3 s: some 1,200 audit lines an hour; the stream is one line per visit). Everything
 * an event carries is bound as text, never as HTML. Fires `uptake-auth-error` when the token is refused.
 */
export class LivePanel extends LightElement {
  @property({ attribute: false }) token = '';
  /** Milliseconds between tallies of what arrived. */
  @property({ type: Number }) interval = 3000;
  @state() private stats: Stats | undefined;
  @state() private arrivals: Arrival[] = [];
  @state() private entries: Entry[] = [];
  @state() private paused = false;
  @state() private held: Entry[] = [];
  @state() private heldCount = 0;
  @state() private error = '';
  private tally = new Map<string, number>();
  private tallyTimer: ReturnType<typeof setInterval> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private stream: AbortController | undefined;
  private statsAt = 0;
  private statsDue = false;
  private keys = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.tallyTimer = setInterval(() => this.flushTally(), this.interval);
    void this.loadStats();
    void this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tallyTimer);
    clearTimeout(this.retry);
    this.stream?.abort();
    this.stream = undefined;
  }

  private authFailed(error: AuthError): void {
    this.dispatchEvent(new CustomEvent('uptake-auth-error', { detail: error.message, bubbles: true }));
  }

  private async loadStats(): Promise<void> {
    this.statsAt = Date.now();
    this.statsDue = false;
    try {
      this.stats = await getJson<Stats>('v1/stats', this.token);
    } catch (error) {
      if (error instanceof AuthError) this.authFailed(error);
      else this.error = `Stored totals unavailable: ${(error as Error).message}`;
    }
  }

  private async listen(): Promise<void> {
    const stream = new AbortController();
    this.stream = stream;
    try {
      const res = await fetch(apiUrl('v1/live'), {
        headers: { Authorization: `Bearer ${this.token}` },
        cache: 'no-store',
        signal: stream.signal,
      });
      if (res.status === 401) throw new AuthError('The collector does not accept this token any more. Enter it again.');
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        throw new Error(body.error ?? `the collector answered ${res.status}`);
      }
      for await (const m of readLiveMessages(res.body)) this.receive(m);
      throw new Error('the collector ended the stream');
    } catch (error) {
      if (stream.signal.aborted) return;
      if (error instanceof AuthError) return this.authFailed(error);
      this.error = `Live events interrupted (${(error as Error).message}); trying again in ${reconnectMs / 1000} s.`;
      this.retry = setTimeout(() => {
        this.error = '';
        void this.listen();
      }, reconnectMs);
    }
  }

  private receive(m: LiveMessage): void {
    if (m.type === 'hello' || m.type === 'bye') return;
    if (m.type === 'accepted') this.count(m.name);
    if (m.type === 'refused' || m.type === 'batch-refused') this.count('refused');
    const entry: Entry = { key: this.keys++, at: clock(), message: m };
    if (this.paused) {
      this.held = [entry, ...this.held].slice(0, listed);
      this.heldCount++;
    } else {
      this.entries = [entry, ...this.entries].slice(0, listed);
    }
    if (m.type === 'accepted') {
      this.statsDue = true;
      if (Date.now() - this.statsAt >= statsEveryMs) void this.loadStats();
    }
  }

  private count(name: string): void {
    this.tally.set(name, (this.tally.get(name) ?? 0) + 1);
  }

  private flushTally(): void {
    if (this.statsDue && Date.now() - this.statsAt >= statsEveryMs) void this.loadStats();
    if (this.tally.size === 0) return;
    const at = clock();
    const fresh = [...this.tally].map(([name, count]) => ({ at, name, count }));
    this.tally.clear();
    this.arrivals = [...fresh, ...this.arrivals].slice(0, 12);
  }

  private togglePause(): void {
    if (this.paused) {
      this.entries = [...this.held, ...this.entries].slice(0, listed);
      this.held = [];
      this.heldCount = 0;
    }
    this.paused = !this.paused;
  }

  private line(entry: Entry) {
    const m = entry.message;
    const time = html`<time>${entry.at}</time>`;
    switch (m.type) {
      case 'accepted':
        return html`<li data-status="accepted">${time} <span class="tool">${m.tool}</span> <code>${m.name}</code> <span class="who">${who(m)}</span> <span class="props">${propText(m.props)}</span>${m.note ? html` <span class="note">(${m.note})</span>` : null}</li>`;
      case 'refused':
        return html`<li data-status="refused">${time} <span class="tool">${m.tool}</span> <code>${m.name ?? '(no name)'}</code> <span class="who">${who(m)}</span> <strong class="refused">Refused</strong> events[${m.index}]: ${m.reason}</li>`;
      case 'batch-refused':
        return html`<li data-status="refused">${time} <span class="tool">${m.tools.join(', ') || '?'}</span> <strong class="refused">Batch refused</strong> (${m.status}${m.events === undefined ? '' : `, ${int(m.events)} event${m.events === 1 ? '' : 's'}`})${m.writeKey === undefined ? '' : ` write key ${m.writeKey}`}: ${m.reason}</li>`;
      case 'duplicates':
        return html`<li data-status="duplicates">${time} <span class="tool">${m.tool}</span> ${int(m.count)} already stored (sent again): stored once</li>`;
      case 'skipped':
        return html`<li data-status="skipped">${time} ${int(m.count)} events skipped: this page read too slowly</li>`;
    }
  }

  override render() {
    const s = this.stats;
    return html`<section class="panel live" aria-labelledby="live-title">
      <h2 id="live-title">Live activity</h2>
      <p class="explain">Events as this collector receives them, and those it refused with the reason. Click in the example tool to see your own events arrive. People appear as short aliases, never by their id.</p>
      <p data-figure="live-total">${s ? html`<strong>${int(s.events)}</strong> events from <strong>${int(s.users)}</strong> people stored` : 'Loading…'}</p>
      ${this.error ? html`<p class="error">${this.error}</p>` : null}
      <h3>Arrived just now</h3>
      <ol class="arrivals" aria-live="polite" data-live="arrivals">
        ${this.arrivals.length === 0 ? html`<li class="quiet">Nothing new yet.</li>` : this.arrivals.map((a) => html`<li><time>${a.at}</time> <code>${a.name}</code> +${int(a.count)}</li>`)}
      </ol>
      <h3 id="live-events-title">Events as they arrive</h3>
      <div class="buttons">
        <button type="button" class="quiet" data-live="pause" @click=${() => this.togglePause()}>${this.paused ? 'Resume' : 'Pause'}</button>
        <p class="status" role="status" data-live="held">${this.paused ? `Paused: ${int(this.heldCount)} new event${this.heldCount === 1 ? '' : 's'} held back.` : ''}</p>
      </div>
      <ol class="arrivals live-events" data-live="events" aria-labelledby="live-events-title" tabindex="0">
        ${this.entries.length === 0 ? html`<li class="quiet">No event yet.</li>` : this.entries.map((e) => this.line(e))}
      </ol>
    </section>`;
  }
}
