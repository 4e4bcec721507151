/**
 * The link as given when it is http, https or relative; `undefined` for any other scheme
 * (`javascript:`, `data:`, `vbscript:` …), so such an action is never rendered as a link.
 * The same rule as the config schema's `action.href`, applied again because a widget may be fed
 * by hand without the schema.
 */
export function safeHref(href: string | undefined | null): string | undefined {
  if (!href) return undefined;
  // Browsers drop tabs and newlines and trim control characters and spaces before reading a scheme.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what browsers strip.
  const url = href.replace(/[\u0000-\u0020\u007f]/g, '');
  if (/^https?:/i.test(url)) return href.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? undefined : href.trim();
}
