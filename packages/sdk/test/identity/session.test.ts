import { beforeEach, describe, expect, it } from 'vitest';
import { createSession, sessionIdleMs } from '../../src/identity/session.js';

const t0 = Date.parse('2026-11-22T10:00:00.000Z');

beforeEach(() => {
  localStorage.clear();
});

describe('createSession', () => {
  it('keeps one session while events keep coming, however long it lasts', () => {
    const session = createSession();
    const id = session(t0);
    for (let m = 20; m <= 200; m += 20) expect(session(t0 + m * 60_000)).toBe(id);
  });

  it('renews after 30 minutes idle', () => {
    const session = createSession();
    const id = session(t0);
    expect(session(t0 + sessionIdleMs - 1)).toBe(id);
    expect(session(t0 + 2 * sessionIdleMs)).not.toBe(id);
  });

  it('renews at a new UTC day even when active', () => {
    const session = createSession();
    const evening = Date.parse('2026-11-22T23:59:30.000Z');
    const id = session(evening);
    expect(session(evening + 10_000)).toBe(id);
    expect(session(evening + 40_000)).not.toBe(id);
  });

  it('is shared by tabs and reloads through localStorage', () => {
    const tabA = createSession();
    const tabB = createSession();
    const id = tabA(t0);
    expect(tabB(t0 + 5_000)).toBe(id);
    // Tab B kept the session alive; tab A, idle for 40 minutes itself, continues it.
    tabB(t0 + 25 * 60_000);
    expect(tabA(t0 + 40 * 60_000)).toBe(id);
  });

  it('ignores a corrupt stored record', () => {
    localStorage.setItem('uptake.session', '{not json');
    expect(createSession()(t0)).toMatch(/^[0-9a-f-]{32,36}$/);
  });
});
