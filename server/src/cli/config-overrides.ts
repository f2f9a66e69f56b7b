import { resolve } from 'node:path';
import { loadConfig, type Config } from '../config.js';

export interface CommonOverrides {
  readonly data?: string;
  readonly port?: number;
}

/** The environment's configuration with the command line's overrides; relative paths from where the user typed. */
export function configWith(overrides: CommonOverrides): Config {
  const config = loadConfig();
  return {
    ...config,
    ...(overrides.data !== undefined && { dataDir: resolve(config.cwd, overrides.data) }),
    ...(overrides.port !== undefined && { port: overrides.port }),
  };
}
