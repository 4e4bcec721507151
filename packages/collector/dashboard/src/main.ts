// The dashboard's entry: defines its elements (once, should the module load twice).
import { DashboardApp } from './dashboard-app.js';
import { ExportButtons } from './export-buttons.js';
import { FilterBar } from './filter-bar.js';
import { LineChart } from './line-chart.js';
import { LivePanel } from './live-panel.js';
import { TokenForm } from './token-form.js';

const elements: [string, CustomElementConstructor][] = [
  ['uptake-chart', LineChart],
  ['uptake-token-form', TokenForm],
  ['uptake-filters', FilterBar],
  ['uptake-live', LivePanel],
  ['uptake-export', ExportButtons],
  ['uptake-dashboard', DashboardApp],
];
for (const [name, element] of elements) if (!customElements.get(name)) customElements.define(name, element);

// The studio (its editor, the widgets it previews, the config schema it checks with) is a chunk of
// its own, fetched after the figures' code, so the metrics do not wait for it.
void import('./studio-panel.js').then(
  ({ StudioPanel }) => customElements.get('uptake-studio') || customElements.define('uptake-studio', StudioPanel),
);
