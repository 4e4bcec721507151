import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * `<span ${cssomStyle({ background: color })}>`: sets inline styles through the CSSOM
 * (`element.style.setProperty`), which a Content-Security-Policy without `'unsafe-inline'` allows.
 * Lit's `styleMap` writes a `style` attribute on first render, which such a policy blocks.
 */
class CssomStyle extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the message shows the directive's own syntax.
    if (info.type !== PartType.ELEMENT) throw new Error('cssomStyle() goes on an element: <span ${cssomStyle({...})}>');
  }

  render(_styles: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(styles));
    return noChange;
  }
}

/** Inline styles set through the CSSOM; property names as in CSS (`background`, `--x`). */
export const cssomStyle = directive(CssomStyle);
