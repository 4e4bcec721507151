import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { init } from '../src/index.js';
import { inertClient } from '../src/start-client.js';
import { persistOptOut } from '../src/privacy/opt-out.js';
import { useFreshIndexedDb } from './helpers/fresh-indexeddb.js';

useFreshIndexedDb();
beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
});

const good = { collector: 'http://127.0.0.1:1', writeKey: 'wk_assistant', tool: 'assistant' };

describe('init', () => {
  it.each([
    [{ ...good, writeKey: '' }, 'options.writeKey'],
    [{ ...good, tool: 't'.repeat(65) }, 'options.tool'],
    [{ ...good, collector: 'http://[bad' }, 'options.collector is not a URL'],
    [{ ...good, flushInterval: 0 }, 'options.flushInterval'],
    [undefined, 'options.collector'],
  ])('never throws on bad options %#: one console.warn names the problem, and the SDK stays inert', (options, named) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const u = init(options as never);
    expect(u).toBe(inertClient);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(named);
    expect(() => u.track('report.generated')).not.toThrow();
  });

  it('is silently inert under Global Privacy Control, with consent denied, and after an opt-out', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(init({ ...good, consent: 'denied' })).toBe(inertClient);
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    expect(init(good)).toBe(inertClient);
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    persistOptOut();
    expect(init(good)).toBe(inertClient);
    expect(warn).not.toHaveBeenCalled();
  });

  it('the inert client’s optOut still records the choice', async () => {
    await inertClient.optOut();
    expect(localStorage.getItem('uptake.optOut')).toBe('1');
  });

  it('starts a working client for good options', () => {
    const u = init(good);
    expect(u).not.toBe(inertClient);
    void u.optOut();
  });
});
