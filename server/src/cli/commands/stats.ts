import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { model } from '../../domain/model/index.js';
import { embeddedDatabasePath } from '../../store/open-store.js';
import { guarded, withTokenOption } from '../access.js';
import { withStore } from '../with-store.js';

const table = (rows: ReadonlyArray<readonly [string, number]>) => {
  const width = Math.max(0, ...rows.map(([name]) => name.length));
  return rows.map(([name, n]) => `  ${name.padEnd(width)}  ${n.toLocaleString('en-US').padStart(12)}`).join('\n');
};

export const statsCommand = () =>
  withTokenOption(new Command('stats'))
    .description('print the engine and the counts of entities by kind and links by type')
    .option('--data <dir>', 'embedded database directory (default: RINGTRACE_DATA or ./data)')
    .option('--json', 'print JSON instead of a table')
    .action(
      guarded({ name: 'stats' }, 'graph:read', async ({ config }, options: { data?: string; json?: boolean }) => {
        // Reading must not create: a mistyped --data would otherwise leave an empty database behind.
        if (!config.neo4j && !existsSync(embeddedDatabasePath(config.dataDir))) {
          throw new DomainError(
            'NOT_FOUND',
            `no database in ${config.dataDir} (\`ringtrace seed\` or the server's first start creates one)`,
          );
        }
        await withStore(config, async (store) => {
          const [byKind, byType] = await Promise.all([store.countByKind(), store.countByLinkType()]);
          const entities = model.kinds.map((k) => [k.name, byKind[k.name] ?? 0] as const);
          const links = model.relationships.map((r) => [r.name, byType[r.name] ?? 0] as const);
          if (options.json) {
            const stats = { ...store.info, entities: Object.fromEntries(entities), links: Object.fromEntries(links) };
            process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
            return;
          }
          const sum = (rows: ReadonlyArray<readonly [string, number]>) => rows.reduce((n, [, c]) => n + c, 0);
          process.stdout.write(
            [
              `engine    ${store.info.engine} ${store.info.version} at ${store.info.location}`,
              `entities  ${sum(entities).toLocaleString('en-US')}`,
              table(entities),
              `links     ${sum(links).toLocaleString('en-US')}`,
              table(links),
              '',
            ].join('\n'),
          );
        });
      }),
    );
