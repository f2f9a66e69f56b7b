import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('eslint', () => {
  it('finds no errors in the repository', async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(['.']);
    const withErrors = results.filter((r) => r.errorCount > 0);
    const report = withErrors.length === 0 ? '' : await (await eslint.loadFormatter('stylish')).format(withErrors);
    expect(report, 'run `pnpm lint` for the same report').toBe('');
    expect(results.length).toBeGreaterThan(20); // the config did not ignore the code by mistake
  });

  // Each boundary of the architecture, crossed on purpose in a file that exists only in memory.
  const crossings: Array<[file: string, code: string, message: RegExp]> = [
    ['server/src/domain/x.ts', "import '../store/port.js';", /the domain is the core/],
    ['server/src/domain/model/x.ts', "import '../../config.js';", /the domain is the core/],
    ['server/src/domain/x.ts', "import 'graphql';", /the domain is pure/],
    ['server/src/domain/x.ts', "import 'pino';", /the domain is pure/],
    ['server/src/graphql/resolvers/x.ts', "import '../../store/kuzu/index.js';", /never an adapter/],
    ['server/src/ingest/x.ts', "import '../store/neo4j/index.js';", /never an adapter/],
    ['server/src/ingest/x.ts', "import 'kuzu';", /never import an engine/],
    ['server/src/graphql/x.ts', "import 'neo4j-driver';", /never import an engine/],
    ['server/src/cli/x.ts', "import '../store/kuzu/index.js';", /only server\/src\/store\/open-store\.ts/],
    ['server/src/store/x.ts', "import './neo4j/index.js';", /only server\/src\/store\/open-store\.ts/],
    ['server/src/app.ts', "import 'kuzu';", /only an adapter .* imports its engine/],
    ['server/src/store/open-store.ts', "import 'neo4j-driver';", /only an adapter .* imports its engine/],
    ['server/src/store/kuzu/x.ts', "import 'neo4j-driver';", /does not import the Neo4j driver/],
    ['server/src/store/neo4j/x.ts', "import '../kuzu/index.js';", /adapters do not import each other/],
    ['web/src/x.ts', "import '@ringtrace/server/domain/model/index.js';", /the web never imports server/],
    ['web/src/x.ts', "import '../../server/src/app.js';", /the web never imports server/],
    ['cypher/src/x.ts', "import '../../server/src/domain/model/index.js';", /cypher never imports server/],
    ['cypher/src/x.ts', "import 'kuzu';", /cypher builds statements/],
    ['seed/src/x.ts', "import '@ringtrace/server/domain/ids.js';", /seed never imports server/],
    ['test/store-contract/x.test.ts', "import 'kuzu';", /only test\/bench\/ queries one directly/],
  ];

  it.each(crossings)('refuses %s: %s', async (file, code, message) => {
    const [result] = await new ESLint({ cwd: root }).lintText(`${code}\n`, { filePath: `${root}${file}` });
    const messages = result?.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
    expect(messages).toEqual([expect.stringMatching(message)]);
  });

  const allowed: Array<[file: string, code: string]> = [
    ['server/src/store/open-store.ts', "import './kuzu/index.js';"],
    ['server/src/store/kuzu/x.ts', "import 'kuzu';"],
    ['server/src/store/neo4j/x.ts', "import 'neo4j-driver';"],
    ['server/src/graphql/x.ts', "import '../store/port.js';"],
    ['server/src/domain/x.ts', "import 'libphonenumber-js';"],
    ['server/src/store/kuzu/x.ts', "import '@ringtrace/cypher/kuzu/quote.js';"],
    ['test/store-contract/x.ts', "import '../../server/src/store/kuzu/index.js';"],
    ['test/bench/x.ts', "import 'kuzu';"],
  ];

  it.each(allowed)('allows %s: %s', async (file, code) => {
    const [result] = await new ESLint({ cwd: root }).lintText(`${code}\n`, { filePath: `${root}${file}` });
    expect(result?.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
