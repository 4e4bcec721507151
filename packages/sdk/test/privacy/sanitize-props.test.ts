import { describe, expect, it } from 'vitest';
import { redact, sanitizeProps } from '../../src/privacy/sanitize-props.js';

describe('redact', () => {
  it('replaces e-mail addresses and long digit runs', () => {
    expect(redact('mail jane.doe@corp.example now')).toBe('mail [redacted] now');
    expect(redact('card 4111 1111 1111 1111 ok')).toBe('card [redacted] ok');
    expect(redact('iban 123456789')).toBe('iban [redacted]');
  });

  it('keeps short numbers and ordinary words', () => {
    expect(redact('Q3 2026 plan v12345678')).toBe('Q3 2026 plan v12345678');
  });

  it('cuts strings to 256 characters', () => {
    expect(redact('x'.repeat(300))).toHaveLength(256);
  });

  it('never cuts an emoji in half', () => {
    const cut = redact(`${'x'.repeat(255)}😀 and more`);
    expect(cut).toBe('x'.repeat(255));
    expect(redact(`${'x'.repeat(254)}😀 and more`)).toBe(`${'x'.repeat(254)}😀`);
  });
});

describe('sanitizeProps', () => {
  it('keeps strings, finite numbers, booleans and null', () => {
    expect(sanitizeProps({ a: 'x', b: 2, c: true, d: null })).toEqual({ a: 'x', b: 2, c: true, d: null });
  });

  it('drops values the collector would reject', () => {
    expect(sanitizeProps({ a: {}, b: Number.NaN, c: () => 1, d: undefined, e: 1 })).toEqual({ e: 1 });
  });

  it('keeps at most 32 keys', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(sanitizeProps(many))).toHaveLength(32);
  });

  it('drops prototype-reaching keys and tolerates non-objects', () => {
    expect(sanitizeProps(JSON.parse('{"__proto__": 1, "ok": 2}'))).toEqual({ ok: 2 });
    expect(sanitizeProps('nope')).toEqual({});
    expect(sanitizeProps(null)).toEqual({});
  });
});

describe('sanitizeProps warnings', () => {
  it('names each dropped prop, and says when props are not an object', () => {
    const said: string[] = [];
    sanitizeProps({ ok: 1, nested: { a: 1 }, missing: undefined }, (m) => said.push(m));
    sanitizeProps('text', (m) => said.push(m));
    expect(said).toEqual([expect.stringMatching(/^props\.nested dropped/), 'props must be an object']);
  });
});
