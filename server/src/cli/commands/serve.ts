import { Command } from 'commander';
import { createLogger } from '../../logger.js';
import { configWith } from '../config-overrides.js';
import { port } from '../options.js';

export const serveCommand = () =>
  new Command('serve')
    .description('serve the web app, GraphQL at /graphql, /health and /ready (what `pnpm start` runs)')
    .option('--port <n>', 'port to listen on (default: PORT or 4000)', port)
    .option('--data <dir>', 'embedded database directory (default: RINGTRACE_DATA or ./data)')
    .action(async (options: { port?: number; data?: string }) => {
      const config = configWith(options);
      const { serveUntilSignalled } = await import('../../serve.js'); // lazily: keeps `--help` fast
      await serveUntilSignalled({ config, logger: createLogger(config.logLevel) });
    });
