import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { persistOptOut } from '../../src/privacy/opt-out.js';
import { trackingRefused } from '../../src/privacy/tracking-refused.js';

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
});

describe('trackingRefused', () => {
  it('allows tracking by default', () => {
    expect(trackingRefused()).toBe(false);
    expect(trackingRefused('granted')).toBe(false);
  });

  it('refuses under Global Privacy Control', () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    expect(trackingRefused()).toBe(true);
  });

  it('refuses when the page denied consent', () => {
    expect(trackingRefused('denied')).toBe(true);
  });

  it('refuses after an opt-out', () => {
    persistOptOut();
    expect(trackingRefused()).toBe(true);
  });
});
