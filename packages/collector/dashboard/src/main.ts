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
