import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cellKeyNoise } from '../../src/metrics/cell-key.js';
import { releaseReach } from '../../src/studio/reach-release.js';

// A curious editor's attacks on the reach estimate, replayed under many cell-key secrets: what each
// answer could be with the target person in the set and without them. minGroupSize 5.
const min = 5;
const everyone = { sample: 1, holdout: 0 };
const blue = Array.from({ length: 30 }, (_, i) => `blue-${i}`);
const keys = Array.from({ length: 400 }, () => cellKeyNoise(randomBytes(32)));
const about = (f: ReturnType<typeof releaseReach>['people']) => ('about' in f ? f.about : null);

describe('the reach estimate as an editor reads it', () => {
  it('says "fewer than N" for an audience narrowed to one person, or to nobody, under every secret', () => {
    for (const noise of keys) {
      for (const people of [['target'], [], ['target', 'other']])
        expect(releaseReach(people, '["red"]', everyone, noise, min)).toEqual({
          people: { fewerThan: min },
          shown: { fewerThan: min },
          heldOut: null,
        });
    }
  });

  it('answers the same question the same way, and a rewording of it without giving the exact count', () => {
    const noise = keys[0]!;
    const once = releaseReach(blue, 'q', everyone, noise, min);
    expect(releaseReach([...blue].reverse(), 'q', everyone, noise, min)).toEqual(once);
    // Averaging 500 wordings that reach the same 30 people leaves that set's own noise in: under
    // some secrets the mean lands away from 30 by a whole person or more.
    const meanOf = (n: ReturnType<typeof cellKeyNoise>) => {
      let sum = 0;
      for (let w = 0; w < 500; w++) sum += about(releaseReach(blue, `wording ${w}`, everyone, n, min).people) ?? 0;
      return sum / 500;
    };
    const means = keys.slice(0, 40).map(meanOf);
    expect(means.filter((m) => Math.abs(m - 30) >= 0.75).length).toBeGreaterThan(10);
  });

  it('differencing team blue with and without team red gives noise, whether red holds the target or nobody', () => {
    // Present: red holds the target, so "blue + red" reaches 31 people. Absent: it reaches blue's 30.
    const differences = (present: boolean) =>
      keys.map((noise) => {
        const both = releaseReach(present ? [...blue, 'target'] : blue, '[["blue","red"]]', everyone, noise, min);
        const alone = releaseReach(blue, '[["blue"]]', everyone, noise, min);
        return (about(both.people) as number) - (about(alone.people) as number);
      });
    const withTarget = new Set(differences(true));
    const without = differences(false);
    // Without the target the two answers still differ most of the time, and every difference seen
    // without the target is one the target's presence also gives: no answer proves either world.
    expect(without.filter((d) => d !== 0).length).toBeGreaterThan(keys.length / 2);
    for (const d of new Set(without)) expect(withTarget.has(d)).toBe(true);
    expect(withTarget.has(0)).toBe(true);
  });

  it('flipping an event count that only the target passes gives noise too', () => {
    // count 2 reaches blue and the target (who did it 3 times); count 3 reaches only the target.
    for (const noise of keys) {
      expect(releaseReach(['target'], '[3]', everyone, noise, min).people).toEqual({ fewerThan: min });
    }
    const flips = keys.map(
      (noise) =>
        (about(releaseReach([...blue, 'target'], '[2]', everyone, noise, min).people) as number) -
        (about(releaseReach(blue, '[1]', everyone, noise, min).people) as number),
    );
    expect(new Set(flips).size).toBeGreaterThan(5);
  });

  it('applies sample and holdout to the released count, as shares', () => {
    const noise = keys[1]!;
    const all = about(releaseReach(blue, 'q', everyone, noise, min).people) as number;
    const half = releaseReach(blue, 'q', { sample: 0.5, holdout: 0.2 }, noise, min);
    expect(half.people).toEqual({ about: all });
    const heldOut = Math.round(all * 0.5 * 0.2);
    expect(half.heldOut).toEqual(heldOut < min ? { fewerThan: min } : { about: heldOut });
    expect(half.shown).toEqual({ about: Math.round(all * 0.5) - heldOut });
  });
});
