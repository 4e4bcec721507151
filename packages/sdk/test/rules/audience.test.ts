import { describe, expect, it } from 'vitest';
import { assign } from '../../src/rules/audience.js';
import { unitHash } from '../../src/rules/unit-hash.js';

const everyone = { sample: 1, holdout: 0 };
const users = Array.from({ length: 10_000 }, (_, i) => `u-${i}`);

describe('unitHash', () => {
  it('is stable and spreads similar keys over [0, 1)', () => {
    expect(unitHash('critique-tip:u-1')).toBe(unitHash('critique-tip:u-1'));
    expect(unitHash('critique-tip:u-1')).not.toBe(unitHash('critique-tip:u-2'));
    const values = users.map((u) => unitHash(u));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    // Ten equal bins over 10,000 keys: each within 1,000 ± 100.
    const bins = new Array(10).fill(0);
    for (const v of values) bins[Math.floor(v * 10)]++;
    for (const n of bins) expect(Math.abs(n - 1000)).toBeLessThan(100);
  });
});

describe('assign', () => {
  it.each([0.1, 0.25, 0.5])('holds out %s of 10,000 users within ±2 points, the same users every time', (holdout) => {
    const first = users.map((u) => assign({ sample: 1, holdout }, { userId: u }, 'critique-tip'));
    const share = first.filter((a) => a === 'held-out').length / users.length;
    expect(Math.abs(share - holdout)).toBeLessThanOrEqual(0.02);
    expect(users.map((u) => assign({ sample: 1, holdout }, { userId: u }, 'critique-tip'))).toEqual(first);
  });

  it('draws the sample within ±2 points, then the holdout among the drawn', () => {
    const assigned = users.map((u) => assign({ sample: 0.3, holdout: 0.5 }, { userId: u }, 'p'));
    const drawn = assigned.filter((a) => a !== 'excluded').length / users.length;
    expect(Math.abs(drawn - 0.3)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(assigned.filter((a) => a === 'held-out').length / users.length - 0.15)).toBeLessThanOrEqual(0.02);
  });

  it('differs between items: one person is not in every control group', () => {
    const a = users.map((u) => assign({ sample: 1, holdout: 0.5 }, { userId: u }, 'first'));
    const b = users.map((u) => assign({ sample: 1, holdout: 0.5 }, { userId: u }, 'second'));
    const same = a.filter((x, i) => x === b[i]).length / users.length;
    expect(Math.abs(same - 0.5)).toBeLessThan(0.03);
  });

  it('narrows by roles, teams, cohorts and programs; a missing trait is outside a list', () => {
    const person = { userId: 'u-1', role: 'professional', team: 'finance', cohort: '2026-W11', program: 'workshop' };
    expect(
      assign({ ...everyone, roles: ['professional'], teams: ['finance'], cohorts: ['2026-W11'], programs: ['workshop'] }, person, 'p'),
    ).toBe('treated');
    expect(assign({ ...everyone, roles: ['leader'] }, person, 'p')).toBe('excluded');
    expect(assign({ ...everyone, teams: ['sales'] }, person, 'p')).toBe('excluded');
    expect(assign({ ...everyone, cohorts: ['2026-W12'] }, person, 'p')).toBe('excluded');
    expect(assign({ ...everyone, programs: ['twelve-week'] }, person, 'p')).toBe('excluded');
    expect(assign({ ...everyone, roles: ['professional'] }, { userId: 'u-2' }, 'p')).toBe('excluded');
    expect(assign({ sample: 0, holdout: 0 }, person, 'p')).toBe('excluded');
  });
});

describe('assign with randomizeBy: team', () => {
  const byTeam = { sample: 1, holdout: 0.3, randomizeBy: 'team' as const };
  const teams = Array.from({ length: 2000 }, (_, i) => `team-${i}`);

  it('puts everyone of a team in one arm, and holds out the holdout share of teams within ±3 points', () => {
    const arms = teams.map((team) => {
      const members = Array.from({ length: 5 }, (_, i) => assign(byTeam, { userId: `${team}-member-${i}`, team }, 'critique-tip'));
      expect(new Set(members).size).toBe(1);
      return members[0];
    });
    expect(arms).not.toContain('excluded');
    const held = arms.filter((a) => a === 'held-out').length / teams.length;
    expect(Math.abs(held - 0.3)).toBeLessThanOrEqual(0.03);
  });

  it('draws by team, not by person: the arms differ from a person-randomized draw of the same people', () => {
    const people = users.map((u, i) => ({ userId: u, team: `team-${i % 50}` }));
    const team = people.map((p) => assign({ ...byTeam, holdout: 0.5 }, p, 'p'));
    const person = people.map((p) => assign({ sample: 1, holdout: 0.5, randomizeBy: 'person' }, p, 'p'));
    // Explicit person is the default's draw, exactly.
    expect(person).toEqual(people.map((p) => assign({ sample: 1, holdout: 0.5 }, p, 'p')));
    expect(team.filter((a, i) => a === person[i]).length / users.length).toBeLessThan(0.6);
  });

  it('samples whole teams: a team is drawn or not', () => {
    const drawn = teams.map((team) =>
      [0, 1, 2].map((i) => assign({ ...byTeam, sample: 0.4 }, { userId: `${team}-${i}`, team }, 'p') !== 'excluded'),
    );
    for (const members of drawn) expect(new Set(members).size).toBe(1);
    const share = drawn.filter((members) => members[0]).length / teams.length;
    expect(Math.abs(share - 0.4)).toBeLessThanOrEqual(0.03);
  });

  it('excludes a person without a team trait, whatever the holdout, and still narrows by the lists', () => {
    expect(assign(byTeam, { userId: 'u-1' }, 'p')).toBe('excluded');
    expect(assign({ ...byTeam, holdout: 0 }, { userId: 'u-1' }, 'p')).toBe('excluded');
    expect(assign({ ...byTeam, holdout: 0 }, { userId: 'u-1', team: '' }, 'p')).toBe('excluded');
    expect(assign({ ...byTeam, holdout: 0 }, { userId: 'u-1', team: 'finance' }, 'p')).toBe('treated');
    expect(assign({ ...byTeam, holdout: 0, roles: ['leader'] }, { userId: 'u-1', team: 'finance', role: 'professional' }, 'p')).toBe(
      'excluded',
    );
  });
});
