import { ConfigError } from '../config/load-config.js';
import { CliError } from './cli-error.js';
import { configCommand, configUsage } from './config-command.js';
import { demoCommand, demoUsage } from './demo-command.js';
import { exportCommand, exportUsage } from './export-command.js';
import { forgetCommand, forgetUsage } from './forget-command.js';
import { importCommand, importUsage } from './import-command.js';
import { migrateCommand, migrateUsage } from './migrate-command.js';
import { reportCommand, reportUsage } from './report-command.js';
import { serveCommand, serveUsage } from './serve-command.js';

const commands: Record<string, { run: (args: string[]) => Promise<void>; usage: string }> = {
  serve: { run: serveCommand, usage: serveUsage },
  report: { run: reportCommand, usage: reportUsage },
  export: { run: exportCommand, usage: exportUsage },
  import: { run: importCommand, usage: importUsage },
  forget: { run: forgetCommand, usage: forgetUsage },
  config: { run: configCommand, usage: configUsage },
  demo: { run: demoCommand, usage: demoUsage },
  migrate: { run: migrateCommand, usage: migrateUsage },
};

const help = `uptake <command> [options]

${Object.values(commands)
  .map((c) => c.usage)
  .join('\n\n')}`;

/** Runs the CLI: parses the command, calls the library, turns known failures into one line and exit code 1. */
export async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help);
    return;
  }
  const command = commands[name];
  if (!command) {
    console.error(`uptake: unknown command "${name}"\n\n${help}`);
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
    const known =
      error instanceof CliError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`uptake ${name}: ${known ? (error as Error).message : String((error as Error).stack ?? error)}`);
    process.exitCode = 1;
  }
}
