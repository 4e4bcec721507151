import { chromium, type Browser } from 'playwright-core';
import { useResource } from '../../packages/collector/test/helpers/use-resource.js';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Chromium for the tests of the enclosing `describe` (or file): launched before them, closed after them. */
export function useChromium(): Browser {
  return useResource('useChromium', launchChromium, (browser) => browser.close());
}
