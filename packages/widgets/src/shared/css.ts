/** Styles of a widget, made with `css`; the sheet is built once, at the first widget that adopts it. */
export interface Styles {
  readonly cssText: string;
  sheet?: CSSStyleSheet;
}

/**
 * Tags the static css of a widget, with other `css` inside it. What Lit's `css` does for the
 * widgets, without the rest of Lit's styling layer (issue 22); the build minifies the text.
 */
export const css = (strings: TemplateStringsArray, ...parts: Styles[]): Styles => ({
  cssText: strings.reduce((text, s, i) => text + (parts[i - 1]?.cssText ?? '') + s),
});

/**
 * Gives a shadow root its styles: shared constructable sheets where the browser has them, else
 * `<style>` elements carrying the nonce a strict CSP asks for (`window.litNonce`, as Lit reads it).
 */
export function adoptStyles(root: ShadowRoot, styles: readonly Styles[]): void {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    root.adoptedStyleSheets = styles.map((s) => {
      if (!s.sheet) (s.sheet = new CSSStyleSheet()).replaceSync(s.cssText);
      return s.sheet;
    });
    return;
  }
  for (const s of styles) {
    const style = document.createElement('style');
    style.nonce = (window as { litNonce?: string }).litNonce ?? '';
    style.textContent = s.cssText;
    root.append(style);
  }
}
