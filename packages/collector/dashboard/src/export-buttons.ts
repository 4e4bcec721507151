import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AuthError, downloadExport } from './api.js';
import { LightElement } from './light-element.js';

const formats = [
  ['csv', 'CSV'],
  ['ndjson', 'NDJSON'],
  ['parquet', 'Parquet'],
] as const;

/** `<uptake-export>`: downloads every stored event (pseudonymous) as CSV, NDJSON or Parquet from `/v1/export`. */
export class ExportButtons extends LightElement {
  @property({ attribute: false }) token = '';
  @state() private status = '';

  override render() {
    return html`<section class="panel" aria-labelledby="export-title">
      <h2 id="export-title">Export the events</h2>
      <p class="explain">One row per stored event, user ids pseudonymous, for DuckDB, pandas or a spreadsheet (see the analysts' guide).</p>
      <div class="buttons">${formats.map(([f, label]) => html`<button type="button" data-format=${f} @click=${() => this.download(f)}>Download ${label}</button>`)}</div>
      <p class="status" role="status">${this.status}</p>
    </section>`;
  }

  private async download(format: (typeof formats)[number][0]): Promise<void> {
    this.status = `Preparing the ${format} export…`;
    try {
      const { fileName, bytes } = await downloadExport(format, this.token);
      this.status = `Saved ${fileName} (${bytes.toLocaleString('en-US')} bytes).`;
    } catch (error) {
      if (error instanceof AuthError) this.dispatchEvent(new CustomEvent('uptake-auth-error', { detail: error.message, bubbles: true }));
      this.status = `Export failed: ${(error as Error).message}`;
    }
  }
}
