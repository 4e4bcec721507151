import { afterEach, describe, expect, it, vi } from 'vitest';
import { beaconEvents, maxBeaconBytes } from '../../src/delivery/beacon-events.js';
import type { QueuedEvent } from '../../src/types.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const events = (n: number, text = 'x'): QueuedEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `event-${i}-abc`,
    name: 'report.generated',
    ts: '2026-11-22T10:00:00.000Z',
    anonymousId: 'a',
    sessionId: 's',
    tool: 't',
    props: { text },
  }));

describe('beaconEvents', () => {
  it('sends a text/plain string beacon with writeKey and sentAt', () => {
    const beacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
    beaconEvents('http://c/v1/batch', 'wk', events(3));
    expect(beacon).toHaveBeenCalledTimes(1);
    const [url, body] = beacon.mock.calls[0] ?? [];
    expect(url).toBe('http://c/v1/batch');
    expect(typeof body).toBe('string');
    const batch = JSON.parse(body as string);
    expect(batch.writeKey).toBe('wk');
    expect(Date.parse(batch.sentAt)).not.toBeNaN();
    expect(batch.events).toHaveLength(3);
  });

  it('splits so that every body stays under 64 KB and at most 100 events', () => {
    const beacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
    beaconEvents('http://c/v1/batch', 'wk', events(300, 'y'.repeat(250)));
    const bodies = beacon.mock.calls.map((c) => c[1] as string);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) {
      expect(new Blob([body]).size).toBeLessThanOrEqual(maxBeaconBytes);
      expect(JSON.parse(body).events.length).toBeLessThanOrEqual(100);
    }
    expect(bodies.reduce((n, b) => n + JSON.parse(b).events.length, 0)).toBe(300);
  });

  it('falls back to fetch with keepalive when the browser refuses the beacon', () => {
    vi.spyOn(navigator, 'sendBeacon').mockReturnValue(false);
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));
    beaconEvents('http://c/v1/batch', 'wk', events(2));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[1]?.keepalive).toBe(true);
  });

  it('also falls back when sendBeacon throws, and sends nothing for no events', () => {
    const beacon = vi.spyOn(navigator, 'sendBeacon').mockImplementation(() => {
      throw new TypeError('refused');
    });
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));
    beaconEvents('http://c/v1/batch', 'wk', []);
    expect(beacon).not.toHaveBeenCalled();
    beaconEvents('http://c/v1/batch', 'wk', events(1));
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
