import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { loadDemoOnFirstStart } from './demo-on-first-start.js';
import { demoCaseDir, webDist } from './paths.js';
import { openStore } from './store/open-store.js';

export interface ServerHandle {
  readonly url: string;
  readonly port: number;
  /** Stops accepting requests, lets the running ones finish (5 s at most), then closes the store. */
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly webRoot?: string;
  readonly demoDir?: string;
}

const DRAIN_MS = 5000;

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Opens the store, loads the demo case into an empty embedded database, and listens. */
export async function startServer({ config, logger, webRoot = webDist, demoDir = demoCaseDir }: ServeOptions) {
  const store = await openStore(config);
  logger.info({ engine: store.info.engine, location: store.info.location, version: store.info.version }, 'store open');
  try {
    if (store.info.engine === 'embedded') {
      await loadDemoOnFirstStart({ store, dataDir: config.dataDir, demoDir, logger });
    }
    const server = createServer(createApp({ store, logger, webRoot }));
    const address = await listen(server, config.port, config.host);
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    logger.info({ url }, `Ringtrace is ready at ${url}`);
    const handle: ServerHandle = {
      url,
      port: address.port,
      async close() {
        await stop(server);
        await store.close();
      },
    };
    return handle;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Runs the server until SIGINT or SIGTERM, then shuts down gracefully. A signal while the store is
 * still opening (or the demo case loading) exits at once: writes are transactional, and an
 * interrupted demo load resumes on the next start.
 */
export async function serveUntilSignalled(options: ServeOptions): Promise<void> {
  const { logger } = options;
  let handle: ServerHandle | undefined;
  let stopping = false;
  let stopped: () => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    stopped = resolve;
    failed = reject;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (!handle || stopping) {
      logger.warn({ signal }, stopping ? 'second signal: exiting now' : 'interrupted while starting');
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    handle.close().then(() => {
      logger.info('stopped');
      stopped();
    }, failed);
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  try {
    handle = await startServer(options);
    await done;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}
