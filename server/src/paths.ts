import { fileURLToPath } from 'node:url';

/** Folders of the repository the server reads at run time, found from this file, not from the cwd. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The built web app (`pnpm --filter @ringtrace/web build`). */
export const webDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
/** The demo case bundle loaded on first start. */
export const demoCaseDir = fileURLToPath(new URL('../../seed/demo/', import.meta.url));
