import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const packages = ['server', 'web', 'cypher', 'seed', 'test'];

/** Runs `tsc -p <pkg>/tsconfig.json`; resolves to its diagnostics, empty when the package typechecks. */
async function typecheck(pkg: string): Promise<string> {
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', `${pkg}/tsconfig.json`, '--pretty', 'false'], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    return '';
  } catch (error) {
    const { stdout, stderr, message } = error as { stdout?: string; stderr?: string; message: string };
    return (stdout || stderr || message).trim();
  }
}

// Type errors fail the suite, so `pnpm test` covers what `pnpm typecheck` does. Two at a time: tsc is
// single-threaded and CI machines have two cores.
describe('typecheck', () => {
  it('every package typechecks (tsc -p <package>)', async () => {
    const results: Record<string, string> = {};
    const queue = [...packages];
    const worker = async () => {
      for (let pkg = queue.shift(); pkg; pkg = queue.shift()) results[pkg] = await typecheck(pkg);
    };
    await Promise.all([worker(), worker()]);
    expect(results).toEqual(Object.fromEntries(packages.map((p) => [p, ''])));
  }, 300_000);
});
