import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { openAuditTrail, type AuditTrail } from './audit/index.js';
import { createAuthenticator, createOidcVerifier, createTokenStore, ensureFirstAdmin, signInNotice } from './auth/index.js';
import type { Config } from './config.js';
import { DomainError } from './domain/errors.js';
import { loadDemoOnFirstStart } from './demo-on-first-start.js';
import { securityHeaders } from './http/security-headers.js';
import { demoCaseDir, webDist } from './paths.js';
import { openStore } from './store/open-store.js';
import type { GraphStore } from './store/port.js';

export interface ServerHandle {
  readonly url: string;
  readonly port: number;
  /** The admin token this start created (a fresh data directory), shown once in the sign-in link. */
  readonly firstAdminToken: string | undefined;
  /** Stops accepting requests, lets the running ones finish (5 s at most), then closes the store. */
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly webRoot?: string;
  readonly demoDir?: string;
  /** Where the sign-in notice goes (stdout by default, beside the log lines, like Jupyter's link). */
  readonly print?: (text: string) => void;
}

const DRAIN_MS = 5000;

/** Binds the port; a port in use is a one-line DomainError, not a stack. */
function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is in use (another Ringtrace?): stop it or set PORT`
          : `cannot listen on ${host}:${port}: ${error.message}`;
      reject(new DomainError('UNAVAILABLE', reason, { cause: error }));
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Until the app is built: the process is up (/health), nothing else is ready yet. */
const starting: RequestListener = (request, response) => {
  const up = request.url === '/health';
  response.writeHead(up ? 200 : 503, {
    ...securityHeaders({ behindTls: false }),
    'content-type': 'application/json',
    ...(!up && { 'retry-after': '2' }),
  });
  response.end(JSON.stringify({ status: up ? 'ok' : 'starting' }));
};

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

/**
 * Binds the port first (a port in use fails before any database work, and /health answers during a
 * long demo load), then opens the store, loads the demo case into an empty embedded database, and
 * hands the requests to the app.
 */
export async function startServer({
  config,
  logger,
  webRoot = webDist,
  demoDir = demoCaseDir,
  print = (text) => process.stdout.write(`${text}\n`),
}: ServeOptions) {
  let handler: RequestListener = starting;
  const server = createServer((request, response) => handler(request, response));
  const address = await listen(server, config.port, config.host);
  let store: GraphStore | undefined;
  let firstAdminToken: string | undefined;
  // On by default: every request is recorded in <dataDir>/audit (audit/), whichever engine holds the graph.
  let audit: AuditTrail | undefined;
  try {
    store = await openStore(config);
    const { engine, location, version } = store.info;
    logger.info({ engine, location, version }, 'store open');
    if (engine === 'embedded') await loadDemoOnFirstStart({ store, dataDir: config.dataDir, demoDir, logger });
    const { maxBodyBytes, operationTimeoutMs } = config;
    const tokens = createTokenStore({ dataDir: config.dataDir });
    firstAdminToken = await ensureFirstAdmin(tokens);
    if (firstAdminToken !== undefined) logger.info({ file: tokens.path }, 'no admin token yet: created one (the sign-in link below)');
    const oidc = config.oidc ? createOidcVerifier(config.oidc) : null;
    if (config.oidc) logger.info({ issuer: config.oidc.issuer, algorithm: config.oidc.algorithm }, 'single sign-on on');
    const authenticator = createAuthenticator({ tokens, oidc });
    audit = openAuditTrail({ dataDir: config.dataDir, logger });
    const { rateLimit, concurrency, heavyTime, refusalHold, trustProxy, corsOrigins, behindTls, persistedOperations } =
      config;
    if (!rateLimit) logger.warn('rate limits off (RINGTRACE_RATE_LIMIT=0): allowed on loopback only');
    handler = createApp({
      store,
      logger,
      authenticator,
      audit,
      webRoot,
      limits: { maxBodyBytes, operationTimeoutMs },
      rateLimit: rateLimit ?? undefined,
      concurrency,
      heavyTime: heavyTime ?? undefined,
      refusalHold,
      trustProxy,
      corsOrigins,
      behindTls,
      persistedOperations,
    });
  } catch (error) {
    await stop(server);
    await audit?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    throw error;
  }
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  logger.info({ url }, `Ringtrace is ready at ${url}`);
  // The token goes to the terminal only, never into a log line (logs are shipped and kept).
  print(signInNotice(url, firstAdminToken));
  const open = store;
  const trail = audit;
  const handle: ServerHandle = {
    url,
    port: address.port,
    firstAdminToken,
    async close() {
      await stop(server);
      // The last requests' entries: a failure is logged by the trail, and must not keep the store open.
      await trail.close().catch(() => undefined);
      await open.close();
    },
  };
  return handle;
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
