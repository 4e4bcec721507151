import { UsageError } from './cli-error.js';

/** The `--user` value of `uptake forget` and `uptake export`: a user id in clear, as the tool sends it. */
export function userOption(value: string | undefined): string {
  if (!value) throw new UsageError('--user: expected the user id in clear, as the tool sends it, e.g. --user emp-1001');
  return value;
}
