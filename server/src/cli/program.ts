import { Command } from 'commander';
import { auditCommand } from './commands/audit.js';
import { generateCommand } from './commands/generate.js';
import { importCommand } from './commands/import.js';
import { importsCommand } from './commands/imports.js';
import { queryCommand } from './commands/query.js';
import { seedCommand } from './commands/seed.js';
import { serveCommand } from './commands/serve.js';
import { statsCommand } from './commands/stats.js';
import { tokenCommand } from './commands/token.js';

/**
 * `ringtrace <command>`. Usage errors are one line on stderr with exit code 1, like every other failure;
 * `--help` prints to stdout with exit code 0.
 */
export function createProgram(): Command {
  const program = new Command('ringtrace')
    .description('Ringtrace: an investigation graph for industrial fraud networks')
    .showSuggestionAfterError(true)
    .configureOutput({
      outputError: (message, write) => write(`ringtrace: ${message.replace(/^error: /, '').trim()}\n`),
    });
  for (const command of [
    serveCommand(),
    seedCommand(),
    generateCommand(),
    statsCommand(),
    queryCommand(),
    importCommand(),
    importsCommand(),
    tokenCommand(),
    auditCommand(),
  ]) {
    // Subcommands do not inherit output settings: copy them so their usage errors read the same.
    program.addCommand(command.configureOutput(program.configureOutput()).showSuggestionAfterError(true));
    // One level further (`token create`...): the same.
    for (const sub of command.commands) sub.configureOutput(program.configureOutput()).showSuggestionAfterError(true);
  }
  return program;
}
