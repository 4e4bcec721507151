import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cellKeyNoise } from '../../src/metrics/cell-key.js';
import { releaseTeams } from '../../src/metrics/release-teams.js';
import { viewerRelease } from '../../src/metrics/viewer-release.js';

// One arm of a prompt randomized by team: a 3-person team (h), two of 25 (l, m) and two larger.
const arm = [
  { team: 'g', people: 40, converted: 36 },
  { team: 'h', people: 3, converted: 1 },
  { team: 'k', people: 30, converted: 10 },
  { team: 'l', people: 25, converted: 5 },
  { team: 'm', people: 25, converted: 20 },
];
const base = { tool: 'assistant' };

describe('the teams of an arm as a viewer’s test reads them', () => {
  it('leaves out the teams under minGroupSize and, by secondary suppression, the next smallest; the others are released with noise', () => {
    const release = viewerRelease(5, cellKeyNoise(randomBytes(32)), false);
    const teams = releaseTeams(release, arm, base, 'tip', 'treated');
    // h (3) is hidden, and with it l (25, the first of the two smallest by name): the hidden hold 28.
    expect(teams).toHaveLength(3);
    const exact = [arm[0], arm[2], arm[4]];
    for (const [i, t] of teams.entries()) {
      expect(Math.abs(t.people - (exact[i]?.people as number))).toBeLessThanOrEqual(2);
      expect(t.converted).toBeLessThanOrEqual(t.people);
    }
  });

  it('says nothing of a hidden team: changing its counts changes no released team', () => {
    const release = viewerRelease(5, cellKeyNoise(randomBytes(32)), false);
    const changed = arm.map((t) => (t.team === 'h' ? { ...t, converted: 3 } : t.team === 'l' ? { ...t, converted: 24 } : t));
    expect(releaseTeams(release, changed, base, 'tip', 'treated')).toEqual(releaseTeams(release, arm, base, 'tip', 'treated'));
  });

  it('gives each team the same cells whatever order the store returns the teams in, and whatever the other teams hold', () => {
    const release = viewerRelease(5, cellKeyNoise(randomBytes(32)), false);
    const once = releaseTeams(release, arm, base, 'tip', 'treated');
    // Reversed, l and m (a tie at 25) arrive the other way round: still l is hidden, not m.
    expect(releaseTeams(release, [...arm].reverse(), base, 'tip', 'treated')).toEqual(once);
    // Another team's change leaves g's cells as they were: a cell's noise is its own.
    const g = releaseTeams(
      release,
      arm.map((t) => (t.team === 'k' ? { ...t, converted: 11 } : t)),
      base,
      'tip',
      'treated',
    )[0];
    expect(g).toEqual(once[0]);
  });
});
