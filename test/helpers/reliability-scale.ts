/**
 * `npm test` runs the reliability tests short; `npm run reliability` sets `UPTAKE_RELIABILITY=long`
 * for the long versions (docs/RELIABILITY.md). `long(short, longValue)` picks one.
 */
export const longRun = process.env['UPTAKE_RELIABILITY'] === 'long';

/** The CI value, or the long run's. */
export const scale = <T>(short: T, long: T): T => (longRun ? long : short);

/** Prints a measured figure in one greppable line: `figure: <what>: <value>`. */
export function figure(what: string, value: string | number): void {
  console.log(`figure: ${what}: ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`);
}
