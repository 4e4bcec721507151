import fc from 'fast-check';

/**
 * The values generated organisations draw from: mostly the edges of the definitions in
 * docs/analysts.md (first and last day of every window, the instant of an exposure, a group one
 * short of `minGroupSize`), with some plain random values between them.
 */

/** Times of day in ms: the first and last instant of a UTC day, and noon. */
export const timeOfDay = fc.constantFrom(0, 43_200_000, 86_399_999);

/** Days before the anchor day that a wave of training happened: around 0, 7k, 30, 60 and 90 days. */
export const trainingDaysBefore = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 6, 7, 13, 14, 29, 30, 31, 59, 60, 61, 89, 90, 91, 97) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 130 }) },
);

/** Days before the anchor day of the two big waves of training: a third of them 90 days or more. */
export const waveDaysBefore = fc.constantFrom(0, 7, 13, 14, 29, 30, 31, 59, 60, 61, 89, 90, 91, 97, 104);

/** Days after a person's training: the first and last day of each sustained window and retention week, and one outside. */
export const daysAfterTraining = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(16, 17, 17, 30, 30, 31, 46, 47, 47, 60, 60, 61, 76, 77, 77, 90, 90, 91, -1, 0, 6, 7, 13, 14, 20, 21, 27, 28),
  },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 120 }) },
);

/** Days after the anchor day (asOf is near it): the edges of DAU, WAU, MAU and the last-28-days figures. */
export const daysAfterAnchor = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, -1, -6, -7, -27, -28, 1) },
  { weight: 1, arbitrary: fc.integer({ min: -35, max: 1 }) },
);

export const usageNames = fc.constantFrom(
  'ai.request',
  'ai.request',
  'ai.output_shown',
  'ai.output_shown',
  'ai.output_accepted',
  'ai.output_edited',
  'ai.output_rejected',
  'report.generated', // a configured usage event
  'report.viewed', // not a usage event
);

export const toolNames = fc.constantFrom('assistant', 'assistant', 'other');
export const programNames = fc.constantFrom('workshop', 'twelve-week');
export const cohortNames = fc.option(fc.constantFrom('spring', 'autumn'), { freq: 3 });
export const roles = fc.option(fc.constantFrom('professional', 'professional', 'leader', 'technical'), { freq: 6 });
export const teams = fc.option(fc.constantFrom('finance', 'finance', 'sales'), { freq: 6 });

/** Answers to the behaviour check's `example`: 19, 20 and 21 non-blank characters, padded with every kind of blank. */
export const examples = fc.constantFrom(
  'Summarised the supplier contracts before the review',
  'abcde fghij\tklmno\npqrst', // exactly 20 non-blank
  'abcde fghij klmno pqrs', // 19
  'abcde fghij klmno pqrst u', // 21
  'abcde\u3000fghij\u3000klmno\u3000pqrs', // 19, ideographic spaces
  'abcde\u00a0fghij\u00a0klmno\u00a0pqrs', // 19, no-break spaces
  'abcde\u000bfghij\u000bklmno\u000bpqrs', // 19, vertical tabs
  '\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600} abcde fghij klmno', // 20 code points, 25 UTF-16 units
  '\u{1F600}\u{1F600}\u{1F600}\u{1F600} abcde fghij klmno', // 19 code points, 23 UTF-16 units
  '   short   ',
);
export const appliedValues = fc.constantFrom('yes', 'yes', 'no', 'Yes');

/** Mostly LCP, so a tool's LCP often has about `minGroupSize` people behind it; FID is no longer a web-vital. */
export const vitalMetrics = fc.constantFrom('LCP', 'LCP', 'LCP', 'LCP', 'CLS', 'INP', 'FID');
/** Values of `perf.vital`: numbers of all sizes, a tiny one JSON writes 1e-7, and a string that only looks like a number (ignored). */
export const vitalValues = fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.constantFrom<number | string>(2500.5, 0, 0.05, 1e-7, '1200'));
export const ratings = fc.constantFrom('good', 'needs-improvement', 'poor');

/** The day an organisation is read near: mid-year, a Sunday in ISO week 1, a Friday in ISO week 53 of the year before. */
export const anchorDays = fc.constantFrom('2026-06-30', '2026-01-04', '2027-01-01');
