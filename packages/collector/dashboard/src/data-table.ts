import { html, type TemplateResult } from 'lit';

/**
 * The table behind a chart, for the keyboard and screen readers (and for copying figures): a
 * closed `<details>` whose first column heads each row.
 */
export function dataTable(caption: string, head: string[], rows: (string | number)[][]): TemplateResult {
  return html`<details class="data-table">
    <summary>Table: ${caption}</summary>
    <div class="scroll" tabindex="0" role="region" aria-label=${`${caption}, table`}>
      <table>
        <caption>${caption}</caption>
        <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
      </table>
    </div>
  </details>`;
}
