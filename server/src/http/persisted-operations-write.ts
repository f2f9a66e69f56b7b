/**
 * Writes persisted-operations.json from the web's GraphQL documents (persisted-operations-manifest.ts).
 * Run by `pnpm --filter @ringtrace/server codegen`, after changing any document in web/src/api.
 */
import { writeFile } from 'node:fs/promises';
import { buildManifest, manifestText, MANIFEST_PATH, readWebApiSources } from './persisted-operations-manifest.js';

const manifest = buildManifest(await readWebApiSources());
await writeFile(MANIFEST_PATH, await manifestText(manifest));
console.log(`wrote ${manifest.operations.length} persisted operations to ${MANIFEST_PATH}`);
