import { expect, it } from 'vitest';
import { safeHref } from '../src/shared/safe-href.js';

it('keeps http, https and relative links', () => {
  for (const href of ['https://example.com/a', 'http://example.com', '/guides/critique', './a', '../b', '?q=1', '#top', 'guides/x'])
    expect(safeHref(href)).toBe(href);
});

it('drops every other scheme, even disguised with case, spaces or control characters', () => {
  for (const href of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:x',
    'data:text/html,<b>x</b>',
    'vbscript:x',
    'mailto:a@b.c',
  ])
    expect(safeHref(href)).toBeUndefined();
  expect(safeHref('')).toBeUndefined();
  expect(safeHref(undefined)).toBeUndefined();
});
