/** A failure the CLI reports as one line on stderr with a non-zero exit code, without a stack. */
export class CliError extends Error {
  override name = 'CliError';
}
