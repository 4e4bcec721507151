import { seededRandom } from '../../src/demo/seeded-random.js';
import type { PersonTimeline } from '../../src/model/observations.js';

/**
 * An organisation whose people forget at different rates. Each has a hidden half-life: 2 to the
 * power of their role's level plus a personal deviation (normal, sd 0.7) the model never sees.
 * From their training day on, a person uses the tool on a day with chance 0.8 · 2^(−d/h), d the
 * days since they last did: use keeps the habit, a gap lets it fade.
 */
export function forgettingOrganisation(seed: number, people: number, until: number): PersonTimeline[] {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const roles: [string, number, number][] = [
    ['executive', 0.15, 2.0],
    ['leader', 0.2, 2.6],
    ['professional', 0.45, 3.0],
    ['technical', 0.2, 3.8],
  ];
  return Array.from({ length: people }, () => {
    let r = random();
    const [role, , level] = roles.find(([, share]) => (r -= share) < 0) ?? roles[roles.length - 1]!;
    const halfLife = 2 ** (level + 0.7 * normal());
    const trainedDay = Math.floor(random() * (until / 2));
    const usageDays: number[] = [];
    let last = trainedDay;
    for (let day = trainedDay + 1; day <= until; day++) {
      if (random() < 0.8 * 2 ** (-(day - last) / halfLife)) {
        usageDays.push(day);
        last = day;
      }
    }
    return { usageDays, trainedDay, role };
  });
}
