import { fileURLToPath } from 'node:url';
import { BundleWriter } from '../bundle/bundle-writer.js';
import { Rng } from '../lib/rng.js';
import { buildWallets } from './money.js';
import { buildOrganisation } from './organisation.js';
import { REPORT } from './report.js';
import { buildVictims } from './victims.js';
import { writeActivity } from './write-activity.js';
import { writeOrganisation } from './write-organisation.js';
import { writeReported } from './write-reported.js';

/**
 * Builds the demo case bundle (seed/demo) from the press report and a fixed seed. The output is
 * committed so it can be reviewed; running this again must reproduce it byte for byte:
 * `npx tsx seed/src/demo/build-demo.ts`.
 */
export const DEMO_SEED = 20_250_318;

export const DEMO_DIR = fileURLToPath(new URL('../../demo', import.meta.url));

export async function buildDemo(dir: string = DEMO_DIR): Promise<{ files: string[]; rows: number }> {
  const rng = new Rng(DEMO_SEED);
  // Separate streams per part, so changing one part does not reshuffle the others.
  const org = buildOrganisation(rng.fork(1));
  const wallets = buildWallets(rng.fork(2));
  const world = buildVictims(rng.fork(3), org.workstations, wallets);

  const bundle = await BundleWriter.create(dir, {
    name: 'moscow-call-centres',
    description:
      'Demo case: the Moscow call-centre network from a press report on the raids. Facts the report states cite ' +
      'it by line (files with basis "manual" transcribe it); everything else (centres, seats, staff, recruiters, ' +
      'numbers, platforms, wallets, victims, calls, payments, transfers) is synthetic and fictional, made only to ' +
      'make the case explorable.',
    basis: 'synthetic',
    context: { defaultRegion: 'RU', timeZone: '+03:00' },
    sources: [REPORT],
  });
  await writeReported(bundle);
  await writeOrganisation(bundle, org, wallets);
  await writeActivity(bundle, world, org, wallets);
  return bundle.close();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, rows } = await buildDemo();
  console.log(`demo case written to ${DEMO_DIR}: ${files.length} files, ${rows} rows`);
}
