import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { cssomStyle } from './cssom-style.js';
import uPlot from 'uplot';
import { LightElement } from './light-element.js';

/** One line of a chart. */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** Points only, no line (observed values under a fitted line). */
  pointsOnly?: boolean;
  dash?: number[];
}

/**
 * `<uptake-chart>`: a uPlot line chart of rates (0…1, shown as percentages) over a numeric x axis,
 * with its own legend. The canvas is an image with a label; the figures are in the data table the
 * panel puts next to it. After each draw, `data-points` holds the number of values drawn.
 */
export class LineChart extends LightElement {
  /** What the chart shows, read by screen readers. */
  @property() label = '';
  /** The x axis title. */
  @property({ attribute: 'x-label' }) xLabel = '';
  /** x values, ascending. */
  @property({ attribute: false }) x: number[] = [];
  @property({ attribute: false }) series: ChartSeries[] = [];
  /** Draws points only at these x values on the x axis (30, 60, 90), instead of uPlot's choice. */
  @property({ attribute: false }) ticks: number[] | undefined;

  private plot: uPlot | undefined;
  private resize: ResizeObserver | undefined;

  override render() {
    return html`<div class="chart" role="img" aria-label=${this.label}></div>
      <ul class="legend" aria-hidden="true">
        ${this.series.map((s) => html`<li><span class="swatch" ${cssomStyle({ background: s.color })}></span>${s.label}</li>`)}
      </ul>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('x') && !changed.has('series')) return;
    this.plot?.destroy();
    const target = this.querySelector<HTMLElement>('.chart');
    if (!target) return;
    const drawn = this.series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
    const opts: uPlot.Options = {
      width: Math.max(280, target.clientWidth),
      height: 260,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [
        { label: this.xLabel, ...(this.ticks ? { splits: () => this.ticks as number[] } : {}) },
        { values: (_u, vals) => vals.map((v) => `${Math.round(v * 100)}%`), size: 50 },
      ],
      series: [
        {},
        ...this.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          ...(s.dash ? { dash: s.dash } : {}),
          spanGaps: !s.pointsOnly,
          // A line of many values reads better without a dot at each.
          points: { show: s.pointsOnly || this.x.length <= 20, size: s.pointsOnly ? 7 : 6, fill: s.color },
          ...(s.pointsOnly ? { paths: () => null } : {}),
        })),
      ],
      hooks: { draw: [() => (this.dataset['points'] = String(drawn))] },
    };
    this.plot = new uPlot(opts, [this.x, ...this.series.map((s) => s.values)] as uPlot.AlignedData, target);
    this.resize ??= new ResizeObserver(() => this.plot?.setSize({ width: Math.max(280, target.clientWidth), height: 260 }));
    this.resize.observe(target);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = undefined;
    this.plot?.destroy();
    this.plot = undefined;
  }
}
