/**
 * The import endpoint's wire format, shared by the server (import-endpoint.ts) and the CLI's client:
 *   POST /import?mapping=<built-in>&name=<file name>[&dryRun=1][&force=1][&fast=1|0 (bulk load; default by file size)][&title=..][&batchSize=N]
 *        body: the file's bytes (gzip or not), streamed; a mapping file instead of a built-in goes in
 *        the `x-ringtrace-mapping` header (base64url of its text). Answer: NDJSON, the import's events
 *        then `{"type":"summary","summary":...}`, or `{"type":"error","code","message"}` if it fails
 *        after it started.
 *   GET  /import/runs                   -> { runs: RunRecord[], active: string[] }
 *   POST /import/undo?run=<run>         -> { undo: UndoResult }
 * A POST needs the `x-ringtrace-import` header (any value): a browser cannot send it cross-site without a
 * CORS preflight, which this server never grants. Refusals before the import starts are JSON
 * `{ error: { code, message } }` with a 4xx/5xx status.
 */
export const IMPORT_PATH = '/import';
export const RUNS_PATH = '/import/runs';
export const UNDO_PATH = '/import/undo';
export const IMPORT_HEADER = 'x-ringtrace-import';
export const MAPPING_HEADER = 'x-ringtrace-mapping';
export const LOADED_BY_HEADER = 'x-ringtrace-loaded-by';
/** Largest mapping sent in a header (Node's header limit is 16 KiB in all). */
export const MAX_MAPPING_HEADER = 12 * 1024;

export const encodeMapping = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
export const decodeMapping = (header: string) => Buffer.from(header, 'base64url').toString('utf8');

/** HTTP status of a domain error code. */
export function statusOf(code: string): number {
  switch (code) {
    case 'INVALID_ARGUMENT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'LIMIT_EXCEEDED':
      return 413;
    case 'UNAVAILABLE':
      return 503;
    default:
      return 500;
  }
}
