/** For the concurrency test: another process appending `count` entries to the trail in `dataDir`. */
import { event, openTrail } from './test-support.js';

const [dataDir, prefix, count] = process.argv.slice(2);
const trail = openTrail(dataDir!, { flushMs: 1, batchMax: 4 });
for (let i = 0; i < Number(count); i++) {
  trail.record(event(`${prefix}${i}`));
  if (i % 4 === 3) await new Promise((r) => setTimeout(r, 1));
}
await trail.close();
