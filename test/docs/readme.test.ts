import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../server/src/config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

describe('README', () => {
  const readme = read('README.md');
  const ci = read('.ci/run');
  const pnpmVersion = (JSON.parse(read('package.json')) as { packageManager: string }).packageManager.replace(
    'pnpm@',
    '',
  );

  it('.ci/run runs exactly the test command the README gives', () => {
    const command = /^TEST_COMMAND="(.+)"$/m.exec(ci)?.[1];
    expect(command).toBe(`npx --yes pnpm@${pnpmVersion} install && npx --yes pnpm@${pnpmVersion} test`);
    expect(readme).toContain(`\n${command}\n`);
  });

  it('gives the start command with the pinned pnpm', () => {
    expect(readme).toContain(`\nnpx --yes pnpm@${pnpmVersion} install && npx --yes pnpm@${pnpmVersion} start\n`);
    expect(readme.match(/pnpm@(\d+\.\d+\.\d+)/g)?.every((v) => v === `pnpm@${pnpmVersion}`)).toBe(true);
  });

  it('lists every configuration variable the server reads', () => {
    for (const name of CONFIG_VARIABLES) expect(readme, name).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'));
  });
});
