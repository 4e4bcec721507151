import { describe, expect, it } from 'vitest';
import { evaluateOnHeldOutTime } from '../../src/model/evaluate-model.js';
import { auc, logLoss } from '../../src/model/model-quality.js';
import { forgettingOrganisation } from './forgetting-organisation.js';

describe('model quality measures', () => {
  it('log-loss and AUC by hand', () => {
    // −(ln 0.9 + ln 0.8 + ln 0.7 + ln 0.6)/4 = (0.1054 + 0.2231 + 0.3567 + 0.5108)/4 = 0.2990.
    const predictions = [
      { p: 0.9, used: true },
      { p: 0.2, used: false },
      { p: 0.7, used: true },
      { p: 0.4, used: false },
    ];
    expect(logLoss(predictions)).toBeCloseTo(0.299, 4);
    expect(auc(predictions)).toBe(1);
    // Used 0.5 and 0.9 against not used 0.5 and 0.6: 0.9 ranks above both (2), 0.5 ties 0.5 (½) and
    // ranks below 0.6 (0): 2.5 of 4 pairs.
    expect(
      auc([
        { p: 0.5, used: true },
        { p: 0.5, used: false },
        { p: 0.9, used: true },
        { p: 0.6, used: false },
      ]),
    ).toBe(0.625);
  });
});

describe('next use on held-out time, in an organisation whose people forget at different rates', () => {
  it.each([1, 2])('the fitted model beats one curve for everyone and the cohort fit in log-loss and AUC (seed %i)', (seed) => {
    const people = forgettingOrganisation(seed, 1500, 240);
    const result = evaluateOnHeldOutTime(people, { from: 0, split: 180, until: 240 });
    process.stdout.write(`held-out next use, seed ${seed}: ${JSON.stringify(result)}\n`);
    expect(result.testObservations).toBeGreaterThan(5000);
    expect(result.model.logLoss).toBeLessThan(result.population.logLoss);
    expect(result.model.logLoss).toBeLessThan(result.cohort.logLoss);
    expect(result.model.auc).toBeGreaterThan(result.population.auc);
    expect(result.model.auc).toBeGreaterThan(result.cohort.auc);
  });
});
