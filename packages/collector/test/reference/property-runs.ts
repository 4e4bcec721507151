/**
 * How hard the generated-organisation tests look. `npm test`: a fixed seed and a few dozen
 * organisations per store (well under a minute for both). `npm run reliability`
 * (`UPTAKE_RELIABILITY=long`): many more, from a seed of the day unless `UPTAKE_PROPERTY_SEED` says.
 * `UPTAKE_PROPERTY_NO_SHRINK=1` (the SQL mutant runner) stops at the first failure without shrinking it.
 */
const long = process.env['UPTAKE_RELIABILITY'] === 'long';
const seedFromEnv = process.env['UPTAKE_PROPERTY_SEED'];

export const propertyRuns = {
  seed: seedFromEnv !== undefined ? Number(seedFromEnv) : long ? Math.floor(Date.now() / 86_400_000) : 20_260_630,
  numRuns: Number(process.env['UPTAKE_PROPERTY_RUNS'] ?? (long ? 300 : 40)),
  endOnFailure: process.env['UPTAKE_PROPERTY_NO_SHRINK'] === '1',
  long,
};
