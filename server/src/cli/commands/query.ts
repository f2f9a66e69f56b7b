import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { embeddedDatabasePath } from '../../store/open-store.js';
import { guarded, withTokenOption } from '../access.js';
import { positiveInteger } from '../options.js';
import { withStore } from '../with-store.js';
import { FORMATS, formatList, formatResult, type Format } from './query-format.js';

interface QueryOptions {
  readonly list?: boolean;
  readonly param: string[];
  readonly format: Format;
  readonly rowCap?: number;
  readonly timeout?: number;
  readonly data?: string;
}

/** `--param k=v`, repeatable; the value is read per the parameter's declared type. */
function collectParam(value: string, previous: string[]): string[] {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) throw new InvalidArgumentError(`expected name=value, got "${value}"`);
  return [...previous, value];
}

function paramsOf(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

export const queryCommand = () =>
  withTokenOption(new Command('query'))
    .description('run a saved query of cypher/queries (`--list` lists them) and print its rows')
    .argument('[name]', 'the saved query')
    .option('--list', 'list the saved queries and their parameters')
    .option('--param <name=value>', 'a parameter (repeatable); lists as a,b', collectParam, [])
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--row-cap <n>', 'most rows (1 to 10000, default 1000)', positiveInteger)
    .option('--timeout <ms>', 'time limit in ms (default and most: RINGTRACE_QUERY_TIMEOUT_MS)', positiveInteger)
    .option('--data <dir>', 'embedded database directory (default: RINGTRACE_DATA or ./data)')
    .action(
      // Listing the library reads no case data; running a query needs query:run.
      guarded(
        { name: 'query' },
        (_name: string | undefined, options: QueryOptions) => (options.list ? null : 'query:run'),
        async ({ config }, name: string | undefined, options: QueryOptions) => {
          // Loaded here, not at the top, so `--help` and usage errors stay fast.
          const { savedQueryLibrary } = await import('../../queries/library.js');
          const { listSavedQueries, runSavedQuery, findSavedQuery } = await import('../../queries/run-query.js');
          const library = savedQueryLibrary();
          const engine = config.neo4j ? 'neo4j' : 'embedded';
          if (options.list) {
            if (name !== undefined) throw new InvalidArgumentError('--list takes no query name');
            process.stdout.write(formatList(listSavedQueries(library, engine), options.format));
            return;
          }
          if (name === undefined) throw new DomainError('INVALID_ARGUMENT', 'name a saved query, or --list them');
          findSavedQuery(library, name); // an unknown name fails here, with near matches, before opening anything
          // Reading must not create: a mistyped --data would otherwise leave an empty database behind.
          if (!config.neo4j && !existsSync(embeddedDatabasePath(config.dataDir))) {
            throw new DomainError(
              'NOT_FOUND',
              `no database in ${config.dataDir} (\`ringtrace seed\` or the server's first start creates one)`,
            );
          }
          const result = await withStore(config, (store) =>
            runSavedQuery(store, library, name, paramsOf(options.param), {
              fromText: true,
              rowCap: options.rowCap ?? null,
              timeoutMs: options.timeout ?? null,
            }),
          );
          process.stdout.write(formatResult(result, options.format));
          if (options.format !== 'table') {
            for (const t of result.truncated)
              process.stderr.write(`ringtrace: ${t.omitted} more rows left out by the row cap (${t.value})\n`);
          }
        },
      ),
    );
