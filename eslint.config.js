// ESLint flat config: typescript-eslint's recommended rules, and `no-restricted-imports` enforcing the
// boundaries of the architecture (README "Architecture"): each zone lists what its files may not
// import, and why. A file is in exactly one zone, because a later config object's options for a rule
// replace an earlier one's instead of adding to them. Patterns are regular expressions on the import
// string: the `group` (gitignore) form matches a bare name at any depth (`graphql` would also match
// `../graphql/x.js`), which is not what a boundary means.
// test/ may import adapters (the store contract suite runs on both); only test/bench/ imports an engine.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ENGINE_MESSAGE = 'only an adapter (server/src/store/kuzu, server/src/store/neo4j) imports its engine';

const engines = (message = ENGINE_MESSAGE) => ({
  regex: '^(kuzu|neo4j-driver(-core|-bolt-connection)?)(/|$)',
  message,
});

/** An adapter's folder, relative (`../store/kuzu/index.js`, `./neo4j/x.js` from store/) or through the package. */
const adapters = (message) => ({ regex: '(^|/)store/(kuzu|neo4j)(/|$)|^\\./(kuzu|neo4j)(/|$)', message });

/** Server code through the package name or by climbing into its folder (`../../server/src/...`). */
const server = (message) => ({ regex: '^@ringtrace/server(/|$)|^(\\.\\./)+server(/|$)', message });

const FRAMEWORKS =
  '^(graphql|graphql-yoga|dataloader|pino|commander|cli-progress|react|react-dom)(/|$)|^@(graphql-tools|envelop|escape\\.tech)/';

/** From the domain, a climb out to the server's other folders and wiring modules. */
const OUTSIDE_DOMAIN =
  '^(\\.\\./)+(store|graphql|http|ingest|cli)(/|$)|^(\\.\\./)+(app|main|serve|config|logger|fail|paths)\\.js$';

const restrict = (name, files, patterns, ignores = []) => ({
  name: `ringtrace/boundaries/${name}`,
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const CALLERS_OF_THE_PORT = ['server/src/graphql/**', 'server/src/http/**', 'server/src/ingest/**'];
const ADAPTERS = ['server/src/store/kuzu/**', 'server/src/store/neo4j/**'];
const OPEN_STORE = 'server/src/store/open-store.ts';
const AUTH = ['server/src/auth/**'];

/** From auth, a climb into the layers that use it: transport, CLI and stores. */
const OUTSIDE_AUTH = '^(\\.\\./)+(graphql|http|cli|store|ingest|queries)(/|$)|^(\\.\\./)+(app|main|serve)\\.js$';

export default defineConfig(
  {
    name: 'ringtrace/ignores',
    ignores: ['**/node_modules/**', '**/dist/**', '**/data/**', 'seed/demo/**', 'test-results/**', 'bench-results/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'ringtrace/language',
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { name: 'ringtrace/web-globals', files: ['web/src/**'], languageOptions: { globals: { ...globals.browser } } },

  restrict(
    'domain',
    ['server/src/domain/**'],
    [
      {
        regex: OUTSIDE_DOMAIN,
        message: 'the domain is the core: it imports nothing from store, graphql, http, ingest, cli or the app wiring',
      },
      { regex: FRAMEWORKS, message: 'the domain is pure: no framework, no logger, no UI' },
      engines(`the domain never touches an engine: ${ENGINE_MESSAGE}`),
    ],
  ),
  restrict('callers-of-the-port', CALLERS_OF_THE_PORT, [
    adapters('graphql, http and ingest use the GraphStore port (server/src/store/port.ts), never an adapter'),
    engines(`graphql, http and ingest never import an engine: ${ENGINE_MESSAGE}`),
  ]),
  restrict(
    'server-wiring',
    ['server/src/**'],
    [
      adapters('only server/src/store/open-store.ts picks and imports an adapter; the rest uses the GraphStore port'),
      engines(),
    ],
    ['server/src/domain/**', ...CALLERS_OF_THE_PORT, ...ADAPTERS, OPEN_STORE, ...AUTH],
  ),
  restrict('auth', AUTH, [
    {
      regex: OUTSIDE_AUTH,
      message:
        'auth turns credentials into a Caller for every transport (HTTP plugin, CLI): it imports the domain, never graphql, http, cli or a store',
    },
    { regex: '^(graphql|graphql-yoga|commander)(/|$)|^@(graphql-tools|envelop)/', message: 'auth knows no transport framework' },
    adapters('auth never touches a store: tokens live in files (<dataDir>/tokens.json)'),
    engines(),
  ]),
  restrict('open-store', [OPEN_STORE], [engines()]),
  restrict(
    'kuzu-adapter',
    ['server/src/store/kuzu/**'],
    [
      { regex: '^neo4j-driver', message: 'the embedded adapter does not import the Neo4j driver' },
      { regex: '^\\.\\./neo4j(/|$)|(^|/)store/neo4j(/|$)', message: 'adapters do not import each other' },
    ],
  ),
  restrict(
    'neo4j-adapter',
    ['server/src/store/neo4j/**'],
    [
      { regex: '^kuzu(/|$)', message: 'the Neo4j adapter does not import the embedded engine' },
      { regex: '^\\.\\./kuzu(/|$)|(^|/)store/kuzu(/|$)', message: 'adapters do not import each other' },
    ],
  ),
  restrict(
    'web',
    ['web/**'],
    [
      server('the web never imports server code: its types come from the GraphQL schema'),
      engines('the web talks GraphQL over HTTP, never to an engine'),
    ],
  ),
  restrict(
    'cypher',
    ['cypher/**'],
    [
      server('cypher never imports server (server depends on cypher): declare the structural type you need'),
      engines(`cypher builds statements, running them is a store's job: ${ENGINE_MESSAGE}`),
    ],
    ['cypher/**/*.test.ts'],
  ),
  // A cypher test may check the statements against the real model (a test-time binding, no runtime cycle).
  restrict(
    'cypher-tests',
    ['cypher/**/*.test.ts'],
    [engines(`cypher's tests check statements with the linter; running them is the store's tests' job`)],
  ),
  restrict(
    'test',
    ['test/**'],
    [engines('tests reach an engine through its adapter; only test/bench/ queries one directly, to measure the store')],
    ['test/bench/**'],
  ),
  restrict(
    'seed',
    ['seed/**'],
    [server('seed writes case bundles as files and the server loads them: seed never imports server'), engines()],
  ),
);
