import { createHmac } from 'node:crypto';

/**
 * Groups of at least this many people are promised accurate rates: a viewer's rate is within 2
 * percentage points of the exact one.
 */
export const accurateFrom = 100;

/** The noise bound of a count under `accurateFrom`, where no accuracy is promised. */
export const smallGroupNoise = 2;

/**
 * The largest noise a count about `size` people may take. From 100 people on, `size ÷ 100`
 * (rounded down): the active and the eligible of a window each move by at most 1% of the eligible,
 * so their rate moves by at most 2 points (clamped to 0…1, it moves less), while a large population
 * takes noise large enough that one person's share of a difference drowns in it (1,900 people: ±19).
 * Under 100, ±2.
 */
export function noiseBound(size: number): number {
  return size >= accurateFrom ? Math.floor(size / accurateFrom) : smallGroupNoise;
}

/**
 * The noise of one published count: an integer in −bound…+bound (bound from `size`), drawn from
 * HMAC-SHA-256 over the cell's name and its exact contents. The same cell with the same contents
 * always gets the same noise (the ABS TableBuilder's cell key), so repeating a question, or asking
 * it for another day on which that cell did not change, averages nothing away; a cell whose
 * contents changed gets fresh noise, so the difference of two days is the change plus two
 * independent noises. The date is not part of the key.
 */
export type CellNoise = (cell: string, contents: readonly number[], size: number) => number;

/** Cell-key noise under `key` (a secret: who knows it can subtract the noise). */
export function cellKeyNoise(key: Buffer): CellNoise {
  return (cell, contents, size) => {
    const bound = noiseBound(size);
    const digest = createHmac('sha256', key).update(cell).update('\u0000').update(contents.join(',')).digest();
    // 2^32 values over at most a few thousand outcomes: the modulo's bias is below one in a million.
    return (digest.readUInt32BE(0) % (2 * bound + 1)) - bound;
  };
}
