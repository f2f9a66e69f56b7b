/** `pnpm start` / `ringtrace serve`: reads the configuration, serves until signalled. */

import { loadConfig } from './config.js';
import { fail } from './fail.js';
import { createLogger } from './logger.js';
import { serveUntilSignalled } from './serve.js';

let logDetails: ((error: unknown) => void) | undefined;
try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  logDetails = (error) => logger.debug({ err: error }, 'start failed');
  await serveUntilSignalled({ config, logger });
} catch (error) {
  fail(error, logDetails);
}
