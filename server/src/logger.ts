import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** JSON lines on stdout; a failure that ends the process is reported on stderr by `fail()` instead. */
export function createLogger(level: LogLevel): Logger {
  return pino({ name: 'ringtrace', level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
