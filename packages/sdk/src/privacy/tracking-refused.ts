import { isOptedOut } from './opt-out.js';

/**
 * True when the SDK must do nothing: the browser sends Global Privacy Control
 * (`navigator.globalPrivacyControl`), the host page said `consent: 'denied'` (the script tag's
 * `data-consent="denied"`), or the user opted out earlier.
 */
export function trackingRefused(consent?: string): boolean {
  return (
    consent === 'denied' ||
    (globalThis.navigator as { globalPrivacyControl?: boolean } | undefined)?.globalPrivacyControl === true ||
    isOptedOut()
  );
}
