import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './cli-error.js';
import { didYouMean } from './did-you-mean.js';

/**
 * `parseArgs` whose mistakes are usage errors in words: an unknown flag names the nearest known one
 * ("did you mean --db?"), a flag without its value says so.
 */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    const message = (error as Error).message;
    const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const known = Object.keys(config.options ?? {}).map((name) => `--${name}`);
      const near = didYouMean(flag.split('=')[0] as string, known);
      throw new UsageError(`unknown flag ${flag}${near ? ` (did you mean ${near}?)` : ''}`, true);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(/argument missing/.test(message) ? `${flag}: expected a value after it` : `${flag}: takes no value`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}`, true);
    throw new UsageError(message, true);
  }
}
