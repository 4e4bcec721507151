import { html, type TemplateResult } from 'lit';
import { type Capability, capabilityWords, tokenNeeded } from '../../src/config/roles.js';
import type { Caller } from './api.js';

/**
 * In place of a panel the caller's role may not use, its title and why it is hidden: what it needs
 * (from the same table the collector checks, so the words match its `403`) and the caller's role.
 */
export function withheldNotice(id: string, title: string, capability: Capability, caller: Caller, why = ''): TemplateResult {
  const reason = `${why ? `${why}: ` : ''}${capabilityWords[capability]} needs ${tokenNeeded(capability)}`;
  return html`<section class="panel withheld" aria-labelledby=${`${id}-title`} data-withheld=${id}>
    <h2 id=${`${id}-title`}>${title}</h2>
    <p class="explain">${reason.charAt(0).toUpperCase()}${reason.slice(1)}; you are signed in as ${caller.name}, with the ${caller.role} role.</p>
  </section>`;
}
