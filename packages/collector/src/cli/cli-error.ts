/** A failure the CLI reports as one line on stderr with exit code 1, without a stack. */
export class CliError extends Error {
  override name = 'CliError';
}

/**
 * A command line the CLI cannot read (an unknown command or flag, a missing or unreadable flag
 * value): reported with the command's usage and exit code 2, so scripts can tell a typo from a
 * failure.
 */
export class UsageError extends CliError {
  override name = 'UsageError';
  /** Whether the command's usage follows the message: yes for a command line that does not fit it, not for one flag's bad value. */
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}
