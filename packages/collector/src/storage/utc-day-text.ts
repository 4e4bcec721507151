let lastDay = Number.NaN;
let lastText = '';

/**
 * The UTC day of an instant as `YYYY-MM-DD`. A group of events mostly shares one day: the last
 * day's text is kept, so most calls cost a division instead of formatting a date.
 */
export function utcDayText(ts: Date): string {
  const day = Math.floor(ts.getTime() / 864e5);
  if (day !== lastDay) {
    lastText = ts.toISOString().slice(0, 10);
    lastDay = day;
  }
  return lastText;
}
