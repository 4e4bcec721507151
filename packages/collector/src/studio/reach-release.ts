import { createHash } from 'node:crypto';
import type { CellNoise } from '../metrics/cell-key.js';
import type { ReachFigure, ReachFigures } from './reach-types.js';

/** The cell of a set of people: a digest of their sorted ids (never shown). */
function cellOf(people: readonly string[]): string {
  const digest = createHash('sha256');
  for (const id of [...people].sort()) digest.update(id).update('\n');
  return `reach\u0000${digest.digest('hex')}`;
}

const figure = (n: number, minGroupSize: number): ReachFigure => (n < minGroupSize ? { fewerThan: minGroupSize } : { about: n });

/**
 * What an editor reads of the people an item reaches (SPEC "Viewers cannot difference"; an editor
 * is not an analyst): their count with two cell-key noises of the viewers' size, and "fewer than
 * `minGroupSize`" when the set is smaller than that, as a viewer's group is hidden (or when the
 * noisy count falls under it).
 *
 * One noise is keyed on who is in the set (as the ABS TableBuilder keys a cell on its records), so
 * no rewording of a question (a role nobody has, `count: 2` where everyone has 3) averages it away:
 * the exact count stays out of reach however many wordings are asked. The other is keyed on the
 * question (`question`, its canonical form), so two questions reaching the very same people do not
 * answer alike: "did adding team red change the set?" is not told by two equal answers. Asking the
 * same question again gives the same answer.
 *
 * The sample and holdout are applied to the released count as shares: arithmetic on a released
 * figure, so changing them teaches nothing new. (The collector cannot draw the sample itself: the
 * draw hashes the user id the page knows, and the collector keeps only pseudonyms.)
 */
export function releaseReach(
  people: readonly string[],
  question: string,
  audience: { sample: number; holdout: number },
  noise: CellNoise,
  minGroupSize: number,
): ReachFigures {
  const n = people.length;
  const noisy = n + noise(cellOf(people), [n], n) + noise(`reach question\u0000${question}`, [n], n);
  const released = Math.max(0, noisy);
  if (n < minGroupSize || released < minGroupSize) {
    const none = { fewerThan: minGroupSize };
    return { people: none, shown: none, heldOut: audience.holdout > 0 ? none : null };
  }
  const drawn = released * audience.sample;
  const heldOut = Math.round(drawn * audience.holdout);
  const shown = Math.round(drawn) - heldOut;
  return {
    people: figure(released, minGroupSize),
    shown: figure(shown, minGroupSize),
    heldOut: audience.holdout > 0 ? figure(heldOut, minGroupSize) : null,
  };
}
