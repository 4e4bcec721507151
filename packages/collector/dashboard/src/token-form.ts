import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { LightElement } from './light-element.js';

/**
 * `<uptake-token-form>`: asks for a token once: the admin token, or one of the config's `tokens`. Fires `uptake-token` with the token; the
 * app checks it against the collector and sets `error` when it is refused.
 */
export class TokenForm extends LightElement {
  /** A message to show under the field (a refused token), or empty. */
  @property() error = '';
  @property({ type: Boolean }) busy = false;

  override render() {
    return html`<form class="panel token-form" @submit=${this.submit} novalidate>
      <h2>Sign in</h2>
      <p>Enter your token: the admin token of the collector's config (<code>adminToken</code>), or the one made for you (<code>uptake token create</code>). Its role decides what the dashboard shows. It is kept in this tab only (sessionStorage), never in the address.</p>
      <label for="token">Token: the admin token, or your role's</label>
      <input id="token" name="token" type="password" autocomplete="off" required minlength="1"
        aria-describedby=${this.error ? 'token-error' : ''} aria-invalid=${this.error ? 'true' : 'false'} />
      ${this.error ? html`<p id="token-error" class="error" role="alert">${this.error}</p>` : null}
      <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Checking…' : 'Open the dashboard'}</button>
    </form>`;
  }

  override firstUpdated(): void {
    this.querySelector<HTMLInputElement>('#token')?.focus();
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.querySelector<HTMLInputElement>('#token');
    const token = input?.value.trim() ?? '';
    if (!token) {
      this.error = 'Enter a token.';
      input?.focus();
      return;
    }
    this.dispatchEvent(new CustomEvent('uptake-token', { detail: token, bubbles: true }));
  }
}
