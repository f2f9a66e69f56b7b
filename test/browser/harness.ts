/**
 * The browser tests' world, started once per test file: the web app built as `pnpm start` builds it, a
 * real server on a free port over an empty data directory (so it loads the demo case on first start and
 * prints a sign-in link with a new admin token, which the world reads from its output), and Debian's
 * chromium driven by playwright-core. Tokens for other roles come from the server's token store (the
 * same file `ringtrace token create` writes; the running server re-reads it). Without /usr/bin/chromium the tests fail in CI
 * (CI=true) and are skipped locally, saying why (see `browserSuite`).
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { createTokenStore, type TokenStore } from '@ringtrace/server/auth/index.js';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

export { CHROMIUM };
export const root = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots the tests write (git-ignored): what the canvas looked like at each step. */
export const ARTIFACTS = join(root, 'test', 'browser', 'artifacts');
const inCI = process.env['CI'] === 'true' || process.env['CI'] === '1';
const haveChromium = existsSync(CHROMIUM);

/** Whether the suite runs here; when it does not, the reason is printed once. */
export function browserSuiteRuns(): boolean {
  if (!haveChromium && !inCI) {
    console.warn(
      `browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium). ` +
        'With CI=true they fail instead; .ci/run installs chromium first.',
    );
  }
  return haveChromium || inCI;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')}: ${stderr}`))));
  });
}

/** What `pnpm start` does first: build the web app into web/dist. */
async function buildWeb(): Promise<void> {
  const vitePackage = createRequire(join(root, 'web', 'package.json')).resolve('vite/package.json');
  const vite = join(dirname(vitePackage), 'bin', 'vite.js');
  await run(process.execPath, [vite, 'build', '--logLevel', 'error'], join(root, 'web'));
}

export type Role = 'viewer' | 'analyst' | 'loader' | 'admin';

export class World {
  url = '';
  log = '';
  /** The admin token of the first start's sign-in link (read from the server's output). */
  adminToken = '';
  browser: BrowserContext | undefined;
  private server: ChildProcess | undefined;
  private dir = '';
  private port = 0;

  async start(): Promise<void> {
    if (!haveChromium)
      throw new Error(`${CHROMIUM} is missing: the browser tests need it in CI (apt-get install -y chromium)`);
    this.dir = await mkdtemp(join(tmpdir(), 'ringtrace-browser-'));
    await mkdir(ARTIFACTS, { recursive: true });
    await buildWeb();
    this.port = await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    await this.startServer(180_000);
    const link = /https?:\/\/\S+#token=(\S+)/.exec(this.log);
    if (!link?.[1]) throw new Error(`the first start printed no sign-in link:\n${this.log}`);
    this.adminToken = decodeURIComponent(link[1]);
    this.browser = await chromium.launchPersistentContext(join(this.dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
      args: [...CHROMIUM_ARGS],
    });
  }

  /** Starts the server on the same port and data directory (first start loads the demo case). */
  async startServer(timeoutMs = 60_000): Promise<void> {
    const env = { ...process.env };
    for (const name of Object.keys(env)) if (name.startsWith('NEO4J_')) delete env[name];
    const server = spawn(process.execPath, [createRequire(import.meta.url).resolve('tsx/cli'), 'server/src/main.ts'], {
      cwd: root,
      env: {
        ...env,
        PORT: String(this.port),
        RINGTRACE_DATA: join(this.dir, 'data'),
        RINGTRACE_BUFFER_POOL_MB: '256',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.server = server;
    server.stdout?.on('data', (d: Buffer) => (this.log += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (this.log += d.toString()));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${this.log}`);
      const ready = await fetch(`${this.url}/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the server was not ready within ${timeoutMs} ms:\n${this.log}`);
  }

  async stopServer(): Promise<void> {
    const server = this.server;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.on('close', resolve));
    server.kill('SIGTERM');
    await exited;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.stopServer();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * The sign-in link for a token (the admin's by default), with a route after it if given
   * (`#/entity/<id>`, `#view=...`): the page takes the token and opens the route.
   */
  link(route = '', token = this.adminToken): string {
    const rest = route.replace(/^#/, '');
    return `${this.url}/#token=${encodeURIComponent(token)}${rest ? `&${rest}` : ''}`;
  }

  private store(): TokenStore {
    return createTokenStore({ dataDir: join(this.dir, 'data') });
  }

  /** A new token for a role, as `ringtrace token create --name <name> --role <role>` makes one. */
  async token(role: Role, name = `browser ${role}`): Promise<string> {
    const { token } = await this.store().create({ name, role, createdBy: 'browser tests' });
    return token;
  }

  /** Revokes a token by its name (`ringtrace token revoke`): its next request gets 401. */
  async revoke(name: string): Promise<void> {
    await this.store().revoke(name, 'browser tests');
  }

  /** A GraphQL answer straight from the server: what the page should show, asked independently (as admin). */
  async gql<T>(query: string, variables: Record<string, unknown> = {}, token = this.adminToken): Promise<T> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data as T;
  }
}
