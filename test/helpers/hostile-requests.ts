import { gzipSync } from 'node:zlib';
import { seededRandom } from '../../packages/collector/src/demo/seeded-random.js';
import type { RawRequest } from './raw-http.js';

/** The write key and tool of the fuzzed collector. */
export const fuzzWriteKey = 'wk_fuzz';
export const fuzzTool = 'fuzz';

/** One request of the fuzz run and what the collector must do with it. */
export interface FuzzCase {
  /** Category, for the figures. */
  kind: string;
  request: RawRequest;
  /**
   * `valid`: a good batch, answered 200 and every event stored; `hostile`: refused (4xx, or 200 with
   * nothing accepted), nothing stored; `transport`: malformed HTTP or a dropped connection, where
   * Node may close without an answer, but never answers 5xx.
   */
  expect: 'valid' | 'hostile' | 'transport';
  /** For `valid`, and for the valid events of a mixed batch: the events that must be stored. */
  stored: WireEvent[];
}

/** A wire event as the fuzz builds it. */
export interface WireEvent {
  id: string;
  name: string;
  ts: string;
  userId?: string;
  tool: string;
  props: Record<string, string | number | boolean | null>;
  /** The props the store must hold, when they differ from those sent. */
  storedProps?: Record<string, string | number | boolean | null>;
}

type Random = () => number;
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const oneOf = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

const json = (headers: [string, string][] = []): [string, string][] => [['Content-Type', 'application/json'], ...headers];
const post = (body: Buffer | string, headers = json(), path = '/v1/batch'): RawRequest => ({
  method: 'POST',
  path,
  headers,
  body: Buffer.from(body),
});

/** Strings a real tool might send: accents, emoji, right-to-left text, markup that must stay text. */
const realText = [
  'summarize',
  'Résumé für Q3',
  'レポート',
  'تقرير',
  '😀 done',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE events; --",
  '{{7*7}}',
  '',
];

/** Seeded generator of fuzz cases: the same seed gives the same requests in the same order. */
export function fuzzCases(seed: number, now = new Date()): () => FuzzCase {
  const r = seededRandom(seed);
  let serial = 0;
  const ts = () => new Date(now.getTime() - int(r, 0, 30 * 86_400_000)).toISOString();
  const id = (tag: string) => `${tag}-${seed.toString(36)}-${(serial++).toString(36)}`;

  const validEvent = (): WireEvent => {
    const props: WireEvent['props'] = {};
    for (let k = int(r, 0, 32); k > 0; k--) {
      props[`k${k}`] = oneOf(r, [
        oneOf(r, realText),
        'x'.repeat(int(r, 200, 256)),
        int(r, -1e6, 1e6) / 7,
        1e308,
        -5e-324,
        true,
        false,
        null,
      ]);
    }
    const e: WireEvent = {
      id: id('ok'),
      name: oneOf(r, ['ai.request', 'ai.output_accepted', 'task.completed', 'fuzz.some_thing']),
      ts: ts(),
      userId: `u-${int(r, 1, 50)}`,
      tool: fuzzTool,
      props,
    };
    if (r() < 0.05) {
      // A string cut in the middle of an emoji, as a fixed-length cut leaves it: stored with U+FFFD.
      delete props['k1']; // room for one more key, 32 at most
      e.props = { ...props, cut: `${'x'.repeat(int(r, 0, 254))}😀`.slice(0, -1) };
      e.storedProps = { ...props, cut: `${(e.props['cut'] as string).slice(0, -1)}\uFFFD` };
    }
    return e;
  };
  /** An event that looks valid but carries an id the store must never hold. */
  const badEvent = (): Record<string, unknown> => ({ ...validEvent(), id: id('bad') });
  const batch = (events: unknown[], extra: Record<string, unknown> = {}) => ({
    writeKey: fuzzWriteKey,
    sentAt: now.toISOString(),
    events,
    ...extra,
  });
  const wrongValue = () => oneOf(r, [42, -1, true, null, [], [1, 'a'], {}, { a: 1 }, '', ' ', 'x'.repeat(300), 1e308]);
  const hugeNumber = () => oneOf(r, ['1e999', '-1e999', '9'.repeat(int(r, 310, 5000)), '1e400']);

  const hostile: [string, () => FuzzCase['request']][] = [
    [
      'truncated JSON',
      () => {
        const text = JSON.stringify(batch([badEvent(), badEvent()]));
        return post(text.slice(0, int(r, 0, text.length - 1)));
      },
    ],
    [
      'wrong type in the envelope',
      () => {
        // Some of these are a well-formed envelope after all (`"events": []`): answered 200, nothing accepted.
        const b: Record<string, unknown> = batch([badEvent()]);
        b[oneOf(r, ['writeKey', 'sentAt', 'events'])] = oneOf(r, [42, true, null, [], {}, 'x', ['wk_fuzz']]);
        return post(JSON.stringify(b));
      },
    ],
    [
      'wrong type in every event',
      () => {
        const field = oneOf(r, ['id', 'name', 'ts', 'tool', 'userId', 'props']);
        const events = Array.from({ length: int(r, 1, 20) }, () => {
          const e: Record<string, unknown> = badEvent();
          e[field] = field === 'props' ? oneOf(r, [42, 'x', [], [1], true, { a: { b: 1 } }, { a: [1] }, null]) : wrongValue();
          if (field === 'userId' && typeof e['userId'] === 'string') e['userId'] = 42;
          if (field === 'props' && e['props'] === null) e['props'] = [null];
          return e;
        });
        return post(JSON.stringify(batch(events)));
      },
    ],
    [
      'huge or non-finite number',
      () => {
        const where = oneOf(r, ['prop', 'id', 'ts', 'writeKey', 'sentAt', 'events']);
        const e = badEvent();
        const marker = '"__NUMBER__"';
        if (where === 'prop') (e['props'] as Record<string, unknown>)['n'] = '__NUMBER__';
        else if (where === 'id' || where === 'ts') e[where] = '__NUMBER__';
        const b: Record<string, unknown> = batch([e]);
        if (where === 'writeKey' || where === 'sentAt' || where === 'events') b[where] = '__NUMBER__';
        return post(JSON.stringify(b).replace(marker, oneOf(r, [hugeNumber(), 'NaN', 'Infinity', '-Infinity', '0x10', '1_000'])));
      },
    ],
    [
      'deep nesting',
      () => {
        const depth = int(r, 1_000, 200_000);
        const deep = oneOf(r, ['[', '{"a":']);
        const nest = deep === '[' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        const where = oneOf(r, ['body', 'events', 'props', 'writeKey', 'event']);
        if (where === 'body') return post(nest);
        const e = badEvent();
        if (where === 'props') (e['props'] as Record<string, unknown>)['deep'] = '__DEEP__';
        const b: Record<string, unknown> = batch(where === 'events' ? ['__DEEP__'] : where === 'event' ? [{ ...e, id: '__DEEP__' }] : [e]);
        if (where === 'writeKey') b['writeKey'] = '__DEEP__';
        return post(JSON.stringify(b).replace('"__DEEP__"', nest));
      },
    ],
    [
      '__proto__ and constructor keys',
      () => {
        const key = oneOf(r, ['__proto__', 'constructor', 'prototype']);
        const e = badEvent();
        const variant = int(r, 0, 3);
        if (variant === 0) return post(`{"${key}":${JSON.stringify(batch([e]))}}`);
        if (variant === 1) return post(JSON.stringify(batch([{ [key]: e }])).replace('"__KEY__"', `"${key}"`));
        if (variant === 2) {
          const text = JSON.stringify(batch([{ ...e, props: { __KEY__: { polluted: true } } }]));
          return post(text.replace('"__KEY__"', `"${key}"`));
        }
        const text = JSON.stringify(batch([{ ...e, props: { __KEY__: 'x', ok: 1 } }]));
        return post(text.replace('"__KEY__"', `"${key}"`));
      },
    ],
    [
      'invalid UTF-8',
      () => {
        const bytes = Buffer.from(JSON.stringify(batch([badEvent()])));
        const bad = oneOf(r, [
          [0xff],
          [0xfe, 0xff],
          [0xc3, 0x28],
          [0xe2, 0x28, 0xa1],
          [0xf0, 0x28, 0x8c, 0x28],
          [0xc0, 0xaf],
          [0xed, 0xa0, 0x80],
          [0x80],
        ]);
        const at = bytes.indexOf('"ok"') > 0 ? bytes.indexOf('"ok"') : int(r, 1, bytes.length - 2);
        const out = Buffer.concat([bytes.subarray(0, at + 1), Buffer.from(bad), bytes.subarray(at + 1)]);
        return r() < 0.3 ? post(gzipSync(out), json([['Content-Encoding', 'gzip']])) : post(out);
      },
    ],
    [
      'very long string',
      () => {
        const long = 'x'.repeat(oneOf(r, [65, 129, 257, 2_001, 100_000, 1_100_000]));
        const where = oneOf(r, ['writeKey', 'id', 'name', 'userId', 'tool', 'prop', 'key']);
        const e = badEvent();
        if (where === 'prop') (e['props'] as Record<string, unknown>)['long'] = long.length > 256 ? long : `${long}${'y'.repeat(300)}`;
        else if (where === 'key') (e['props'] as Record<string, unknown>)[long.length > 64 ? long : `${long}${'y'.repeat(64)}`] = 1;
        else if (where !== 'writeKey')
          e[where] = where === 'name' || where === 'tool' ? `${'a'.repeat(65)}${long}` : `${long}${'z'.repeat(130)}`;
        return post(JSON.stringify(batch([e], where === 'writeKey' ? { writeKey: `${long}${'k'.repeat(130)}` } : {})));
      },
    ],
    [
      'gzip trouble',
      () => {
        const text = JSON.stringify(batch([badEvent()]));
        const variant = int(r, 0, 5);
        if (variant === 0) return post(gzipBomb(), json([['Content-Encoding', 'gzip']]));
        if (variant === 1) return post(gzipSync(text).subarray(0, int(r, 1, 20)), json([['Content-Encoding', 'gzip']]));
        if (variant === 2) return post(Buffer.from(text), json([['Content-Encoding', 'gzip']]));
        if (variant === 3) return post(gzipSync(gzipSync(text)), json([['Content-Encoding', 'gzip']]));
        if (variant === 4)
          return post(
            gzipSync(text),
            json([['Content-Encoding', oneOf(r, ['br', 'deflate', 'gzip, gzip', 'x-gzip', 'compress', 'zstd'])]]),
          );
        return post(gzipSync(text.slice(0, -3)), json([['Content-Encoding', 'gzip']]));
      },
    ],
    [
      'wrong content type or charset',
      () => {
        const e = badEvent();
        const variant = int(r, 0, 4);
        if (variant === 0)
          return post(`writeKey=${fuzzWriteKey}&events=${encodeURIComponent(JSON.stringify([e]))}`, [
            ['Content-Type', 'application/x-www-form-urlencoded'],
          ]);
        if (variant === 1)
          return post(`--b\r\nContent-Disposition: form-data; name="batch"\r\n\r\n${JSON.stringify(batch([e]))}\r\n--b--`, [
            ['Content-Type', 'multipart/form-data; boundary=b'],
          ]);
        if (variant === 2)
          return post(Buffer.from(JSON.stringify(batch([e])), 'utf16le'), [['Content-Type', 'application/json; charset=utf-16']]);
        if (variant === 3)
          return post(`\uFEFF${JSON.stringify(batch([e]))}`, [['Content-Type', oneOf(r, ['application/json', 'image/png', 'text/html'])]]);
        return post('', [['Content-Type', oneOf(r, ['application/json', 'text/plain'])]]);
      },
    ],
    [
      'text no store can hold',
      () => {
        const e = badEvent();
        const variant = int(r, 0, 2);
        if (variant === 0) e['userId'] = 'u\u0000';
        else if (variant === 1) (e['props'] as Record<string, unknown>)['nul'] = `a\u0000b`;
        else e['ts'] = '0000-03-01T00:00:00Z';
        return post(JSON.stringify(batch([e])));
      },
    ],
    [
      'bad write key, tool or origin',
      () => {
        const variant = int(r, 0, 2);
        if (variant === 0)
          return post(JSON.stringify({ ...batch([badEvent()]), writeKey: oneOf(r, ['wk_unknown', 'WK_FUZZ', 'wk_fuzz ', '\u0000']) }));
        if (variant === 1) return post(JSON.stringify(batch([{ ...badEvent(), tool: 'another' }])));
        return post(JSON.stringify(batch([badEvent()])), json([['Origin', 'https://evil.example']]));
      },
    ],
    ['too many events', () => post(JSON.stringify(batch(Array.from({ length: 501 }, () => ({ id: id('bad') })))))],
    [
      'GET /v1/config with hostile parameters',
      () => {
        const q = oneOf(r, [
          '',
          'writeKey=',
          'writeKey=wk_unknown',
          `writeKey=${fuzzWriteKey}&userId=a&userId=b`,
          `writeKey=${fuzzWriteKey}&writeKey=x`,
          `writeKey=${fuzzWriteKey}&userId=${'x'.repeat(129)}`,
          `writeKey=${fuzzWriteKey}&userId=%00`,
          `writeKey=${fuzzWriteKey}&userId=`,
          `writeKey=${fuzzWriteKey}&tool=other`,
          'writeKey=%zz',
          `writeKey=${fuzzWriteKey}&userId=%ED%A0%80%zz`,
          `writeKey[__proto__]=1`,
          '__proto__[polluted]=1',
        ]);
        return {
          method: oneOf(r, ['GET', 'GET', 'POST', 'PUT', 'DELETE']),
          path: `/v1/config?${q}`,
          headers: r() < 0.3 ? [['Origin', 'https://evil.example']] : [],
          body: r() < 0.2 ? Buffer.from('{"x":') : undefined,
        };
      },
    ],
    [
      '/healthz with a body or another method',
      () => ({
        method: oneOf(r, ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
        path: oneOf(r, ['/healthz', '/healthz?x=%zz', '/healthz/..%2f']),
        headers: json(),
        body: r() < 0.5 ? Buffer.from('{"a":') : undefined,
      }),
    ],
  ];

  const transport: [string, () => RawRequest][] = [
    [
      'connection dropped mid-body',
      () => ({ ...post(JSON.stringify(batch([badEvent(), badEvent()]))), abandonAt: r(), pieces: int(r, 1, 5), trickleMs: 5 }),
    ],
    [
      'malformed HTTP',
      () => {
        const body = Buffer.from(JSON.stringify(batch([badEvent()])));
        return oneOf<RawRequest>(r, [
          {
            method: 'POST',
            path: '/v1/batch',
            headers: [
              ['Content-Type', 'application/json'],
              ['Content-Length', 'abc'],
            ],
            body,
          },
          {
            method: 'POST',
            path: '/v1/batch',
            headers: [
              ['Content-Type', 'application/json'],
              ['Content-Length', String(body.length)],
              ['Content-Length', '3'],
            ],
            body,
          },
          {
            method: 'POST',
            path: '/v1/batch',
            headers: [
              ['Content-Type', 'application/json'],
              ['Transfer-Encoding', 'chunked'],
            ],
            body: Buffer.from(`zz\r\n${body}\r\n0\r\n\r\n`),
          },
          {
            method: 'POST',
            path: '/v1/batch',
            headers: [
              ['Content-Type', 'application/json'],
              ['X-Big', 'h'.repeat(20_000)],
            ],
            body,
          },
          { method: 'POST', path: '/v1/batch bad', headers: [], body },
          { method: 'P\u0000ST', path: '/v1/batch', headers: [], body },
        ]);
      },
    ],
  ];

  return () => {
    const dice = r();
    if (dice < 0.1) {
      const events = Array.from({ length: int(r, 1, 20) }, validEvent);
      const text = JSON.stringify(batch(events));
      const encoding = int(r, 0, 2);
      const request =
        encoding === 0
          ? post(text)
          : encoding === 1
            ? post(text, [['Content-Type', 'text/plain;charset=UTF-8']])
            : post(gzipSync(text), json([['Content-Encoding', 'gzip']]));
      return { kind: 'valid batch', request, expect: 'valid', stored: events };
    }
    if (dice < 0.13) {
      // Valid and invalid events in one batch: the valid ones are stored, the others named.
      const good = Array.from({ length: int(r, 1, 5) }, validEvent);
      const bad = Array.from({ length: int(r, 1, 5) }, () => ({ ...badEvent(), name: oneOf(r, ['Bad Name', '', 42, 'a..b']) }));
      return { kind: 'mixed batch', request: post(JSON.stringify(batch([...good, ...bad]))), expect: 'valid', stored: good };
    }
    if (dice < 0.135) {
      // A valid batch over a very slow link: answered and stored like any other.
      const events = Array.from({ length: int(r, 1, 5) }, validEvent);
      return {
        kind: 'valid batch sent very slowly',
        request: { ...post(JSON.stringify(batch(events))), pieces: int(r, 5, 40), trickleMs: int(r, 10, 60) },
        expect: 'valid',
        stored: events,
      };
    }
    if (dice < 0.14) {
      const [kind, make] = oneOf(r, transport);
      return { kind, request: make(), expect: 'transport', stored: [] };
    }
    const [kind, make] = oneOf(r, hostile);
    return { kind, request: make(), expect: 'hostile', stored: [] };
  };
}

let bomb: Buffer | undefined;
/** 64 MiB of a JSON-looking string, gzipped to about 64 KiB: the collector must stop at 1 MiB. */
function gzipBomb(): Buffer {
  bomb ??= gzipSync(`{"writeKey":"${fuzzWriteKey}","events":[],"pad":"${'a'.repeat(64 * 1024 * 1024)}"}`, { level: 9 });
  return bomb;
}
