import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { LightElement } from './light-element.js';

/** The filters of `GET /v1/metrics`; empty means all. */
export interface Filters {
  tool: string;
  program: string;
  cohort: string;
  asOf: string;
}

/** `<uptake-filters>`: tool, program, cohort and as-of date. Fires `uptake-filters` with the new `Filters` on every change. */
export class FilterBar extends LightElement {
  @property({ attribute: false }) value: Filters = { tool: '', program: '', cohort: '', asOf: '' };
  @property({ attribute: false }) tools: string[] = [];
  @property({ attribute: false }) programs: string[] = [];
  @property({ attribute: false }) cohorts: string[] = [];

  private select(name: 'tool' | 'program' | 'cohort', label: string, all: string, options: string[]) {
    return html`<div class="field">
      <label for=${`filter-${name}`}>${label}</label>
      <select id=${`filter-${name}`} name=${name} @change=${this.changed}>
        <option value="" ?selected=${this.value[name] === ''}>${all}</option>
        ${options.map((o) => html`<option value=${o} ?selected=${this.value[name] === o}>${o}</option>`)}
      </select>
    </div>`;
  }

  override render() {
    return html`<form class="filters" aria-label="Filters" @submit=${(e: Event) => e.preventDefault()}>
      ${this.select('tool', 'Tool', 'All tools', this.tools)}
      ${this.select('program', 'Program', 'All programs', this.programs)}
      ${this.select('cohort', 'Cohort', 'All cohorts', this.cohorts)}
      <div class="field">
        <label for="filter-asOf">As of</label>
        <input id="filter-asOf" name="asOf" type="date" max=${new Date().toISOString().slice(0, 10)} .value=${this.value.asOf} @change=${this.changed} />
      </div>
    </form>`;
  }

  private changed(event: Event): void {
    const target = event.target as HTMLSelectElement | HTMLInputElement;
    const next = { ...this.value, [target.name]: target.value };
    this.dispatchEvent(new CustomEvent<Filters>('uptake-filters', { detail: next, bubbles: true }));
  }
}
