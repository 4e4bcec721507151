import { LitElement } from 'lit';

/**
 * A Lit element rendered into the light DOM. The dashboard is one page, not a reusable widget: one
 * style sheet (and uPlot's own) styles every panel, under a policy that allows no inline style.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
