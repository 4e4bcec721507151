import { collectorVersion } from '../collector-version.js';
import { ConfigError } from '../config/load-config.js';
import { auditCommand, auditUsage } from './audit-command.js';
import { CliError, UsageError } from './cli-error.js';
import { configCommand, configUsage } from './config-command.js';
import { demoCommand, demoUsage } from './demo-command.js';
import { didYouMean } from './did-you-mean.js';
import { digestCommand, digestUsage } from './digest-command.js';
import { exportCommand, exportUsage } from './export-command.js';
import { fitCommand, fitUsage } from './fit-command.js';
import { forgetCommand, forgetUsage } from './forget-command.js';
import { importCommand, importUsage } from './import-command.js';
import { kitCommand, kitUsage } from './kit-command.js';
import { migrateCommand, migrateUsage } from './migrate-command.js';
import { openapiCommand, openapiUsage } from './openapi-command.js';
import { reportCommand, reportUsage } from './report-command.js';
import { serveCommand, serveUsage } from './serve-command.js';
import { tailCommand, tailUsage } from './tail-command.js';
import { tokenCommand, tokenUsage } from './token-command.js';

const commands: Record<string, { run: (args: string[]) => Promise<void>; usage: string }> = {
  serve: { run: serveCommand, usage: serveUsage },
  report: { run: reportCommand, usage: reportUsage },
  export: { run: exportCommand, usage: exportUsage },
  import: { run: importCommand, usage: importUsage },
  forget: { run: forgetCommand, usage: forgetUsage },
  config: { run: configCommand, usage: configUsage },
  demo: { run: demoCommand, usage: demoUsage },
  token: { run: tokenCommand, usage: tokenUsage },
  audit: { run: auditCommand, usage: auditUsage },
  migrate: { run: migrateCommand, usage: migrateUsage },
  digest: { run: digestCommand, usage: digestUsage },
  fit: { run: fitCommand, usage: fitUsage },
  kit: { run: kitCommand, usage: kitUsage },
  tail: { run: tailCommand, usage: tailUsage },
  openapi: { run: openapiCommand, usage: openapiUsage },
};

const help = `uptake <command> [options]

${Object.values(commands)
  .map((c) => c.usage)
  .join('\n\n')}

uptake --version            print the version
Exit codes: 0 done, 1 failed (the command was understood and could not be done), 2 usage (an
unknown command or flag, a missing or unreadable flag value).`;

/** A config's problems, one per line with its path (a single one stays on the line). */
function describeConfigError(error: ConfigError): string {
  if (error.problems.length === 1) return error.message;
  return `${error.problems.length} problem(s) in ${error.source}:\n${error.problems.map((p) => `  ${p}`).join('\n')}`;
}

/**
 * Runs the CLI: parses the command, calls the library, turns known failures into words and an exit
 * code: 1 for a failure, 2 for a command line it cannot read (with the usage beside it).
 */
export async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help);
    return;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    console.log(collectorVersion());
    return;
  }
  const command = commands[name];
  if (!command) {
    const near = didYouMean(name, Object.keys(commands));
    console.error(`uptake: unknown command "${name}"${near ? ` (did you mean ${near}?)` : ''}\n\n${help}`);
    process.exitCode = 2;
    return;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.usage);
    return;
  }
  try {
    await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`uptake ${name}: ${error.message}${error.showUsage ? `\n\nusage: ${command.usage}` : ''}`);
      process.exitCode = 2;
      return;
    }
    const known = error instanceof CliError || error instanceof ConfigError;
    const words =
      error instanceof ConfigError
        ? describeConfigError(error)
        : known
          ? (error as Error).message
          : String((error as Error).stack ?? error);
    console.error(`uptake ${name}: ${words}`);
    process.exitCode = 1;
  }
}
