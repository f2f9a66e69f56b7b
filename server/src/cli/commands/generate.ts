import { resolve } from 'node:path';
import { Command } from 'commander';
import { invocationDir } from '../../config.js';
import { invalidArgument } from '../../domain/errors.js';
import { positiveInteger, seed } from '../options.js';

export const generateCommand = () =>
  new Command('generate')
    .description('write a deterministic synthetic case bundle of about N relationships (load it with `seed --bundle`)')
    .requiredOption('--scale <n>', 'number of relationships, e.g. 1e5', positiveInteger)
    .option('--seed <s>', 'random seed (32-bit): the same seed and scale give the same files', seed, 1)
    .requiredOption('--out <dir>', 'directory to write the bundle to (replaced)')
    .action(async (options: { scale: number; seed: number; out: string }) => {
      const outDir = resolve(invocationDir(), options.out);
      const { generateCase, MIN_SCALE, MAX_SCALE } = await import('@ringtrace/seed'); // lazily: keeps `--help` fast
      if (options.scale < MIN_SCALE || options.scale > MAX_SCALE) {
        throw invalidArgument('--scale', `must be from ${MIN_SCALE} to ${MAX_SCALE}, got ${options.scale}`);
      }
      const started = performance.now();
      const result = await generateCase({ scale: options.scale, seed: options.seed, outDir });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `generated ${outDir} in ${seconds} s: ${result.entities} entities, ${result.links} links, ` +
          `${result.files.length} files\n`,
      );
    });
