import { afterEach, expect, it, vi } from 'vitest';
import { warn } from '../../src/client/warn.js';

afterEach(() => {
  vi.restoreAllMocks();
});

it('says each distinct message once, with the [uptake] prefix', () => {
  const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
  for (let i = 0; i < 5; i++) warn('track: "X" is not an event name');
  warn('another problem');
  expect(spy.mock.calls.map((c) => c[0])).toEqual(['[uptake] track: "X" is not an event name', '[uptake] another problem']);
});
