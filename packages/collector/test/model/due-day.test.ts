import { describe, expect, it } from 'vitest';
import { dueDayOf } from '../../src/model/due-day.js';
import type { HalfLifeModel } from '../../src/model/half-life.js';
import { featureNames } from '../../src/model/observations.js';

// A model whose half-life is 2^(3 + 1·[role is leader]): 8 days, 16 for leaders.
const model: HalfLifeModel = {
  features: featureNames,
  theta: [3, ...featureNames.map((f) => (f === 'role:leader' ? 1 : 0))],
  scale: featureNames.map(() => ({ mean: 0, sd: 1 })),
};

describe("an adaptive item's day for a person", () => {
  const person = { usageDays: [100, 110], trainedDay: 90, role: null };

  it('without a model: minDays after the last use, else after training; none without either', () => {
    expect(dueDayOf(person, { minDays: 3 }, undefined)).toBe(113);
    expect(dueDayOf(person, {}, undefined)).toBe(112); // minDays defaults to 2
    expect(dueDayOf({ ...person, usageDays: [] }, {}, undefined)).toBe(92);
    expect(dueDayOf({ usageDays: [], trainedDay: null, role: null }, {}, undefined)).toBeUndefined();
  });

  it("with a model: the first day the person's predicted recall is under the target, within minDays and maxDays", () => {
    // h = 8: p = 2^(−Δ/8) < 0.8 from Δ = ⌈8 · 0.3219⌉ = 3; < 0.5 from Δ = 8.
    expect(dueDayOf(person, { targetRecall: 0.8 }, model)).toBe(113);
    expect(dueDayOf(person, { targetRecall: 0.5 }, model)).toBe(118);
    expect(dueDayOf({ ...person, role: 'leader' }, { targetRecall: 0.5 }, model)).toBe(126);
    expect(dueDayOf(person, { targetRecall: 0.5, maxDays: 5 }, model)).toBe(115);
    expect(dueDayOf(person, { targetRecall: 0.8, minDays: 7 }, model)).toBe(117);
    expect(dueDayOf(person, { targetRecall: 0.01 }, model)).toBe(164); // 54 days: within the default maxDays 60
    expect(dueDayOf(person, { targetRecall: 0.001 }, model)).toBe(170); // 80 days, capped at 60
  });
});
