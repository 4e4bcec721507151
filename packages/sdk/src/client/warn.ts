const said = new Set<string>();

/**
 * `console.warn` with the `[uptake]` prefix, saying each distinct message once per page, so a loop of
 * bad calls in the host page cannot flood its console.
 */
export function warn(message: string): void {
  if (said.has(message)) return;
  said.add(message);
  console.warn(`[uptake] ${message}`);
}
