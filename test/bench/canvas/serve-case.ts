/**
 * The canvas benchmark's world: a generated case loaded into a fresh embedded store, and the real HTTP
 * app (`createApp`, as `pnpm start` serves it: the API and the built web app) listening on 127.0.0.1.
 * The web app is built with Vite into a directory of its own, so a browser test building web/dist at
 * the same time cannot pull the files from under the page.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCase } from '@ringtrace/seed';
import { createApp } from '@ringtrace/server/app.js';
import { loadCaseBundle } from '@ringtrace/server/ingest/case-bundle/index.js';
import { createLogger } from '@ringtrace/server/logger.js';
import { createKuzuStore } from '@ringtrace/server/store/kuzu/index.js';
import type { GraphStore } from '@ringtrace/server/store/port.js';
import { createTestAuth } from '@ringtrace/server/testing/test-auth.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface CaseServer {
  /** The app's address (`http://127.0.0.1:<port>`): `/` the web app, `/graphql` the API. */
  readonly url: string;
  /** An analyst's token (the page signs in with `#token=`). */
  readonly token: string;
  readonly store: GraphStore;
  readonly entities: number;
  readonly links: number;
  /** Generation, load and web build, ms each. */
  readonly ms: { readonly generate: number; readonly load: number; readonly build: number };
  close(): Promise<void>;
}

/** `vite build` of the web app into `outDir`: the bundle `pnpm start` serves. */
export function buildWeb(outDir: string): Promise<void> {
  const vitePackage = createRequire(join(root, 'web', 'package.json')).resolve('vite/package.json');
  const vite = join(dirname(vitePackage), 'bin', 'vite.js');
  const args = [vite, 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: join(root, 'web'), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed: ${stderr}`))));
  });
}

export async function serveCase(o: { readonly scale: number; readonly seed: number }): Promise<CaseServer> {
  const dir = await mkdtemp(join(tmpdir(), 'ringtrace-bench-canvas-'));
  const store = createKuzuStore({ path: join(dir, 'graph.kuzu'), bufferPoolBytes: 256 * 1024 * 1024 });
  let server: Server | undefined;
  const close = async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server!.close(resolve));
    }
    await store.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const web = join(dir, 'web');
    let build = 0;
    const buildStarted = performance.now();
    const building = buildWeb(web).then(() => (build = performance.now() - buildStarted));
    building.catch(() => undefined); // awaited below; a failure while the case loads must not go unhandled
    let started = performance.now();
    const generated = await generateCase({ scale: o.scale, seed: o.seed, outDir: join(dir, 'case') });
    const generate = performance.now() - started;
    started = performance.now();
    await store.init();
    await loadCaseBundle(store, join(dir, 'case'), { loadedBy: 'bench' });
    const load = performance.now() - started;
    await building;
    const auth = await createTestAuth({ dataDir: join(dir, 'auth') });
    const app = createApp({ store, logger: createLogger('silent'), webRoot: web, authenticator: auth.authenticator });
    server = createServer(app);
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      token: auth.tokenFor('analyst'),
      store,
      entities: generated.entities,
      links: generated.links,
      ms: { generate, load, build },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
