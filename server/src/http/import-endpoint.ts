/**
 * The import endpoint (import-protocol.ts): scripts and the CLI load files into the running server's
 * store (the embedded engine allows one process per database). An upload is streamed to a temporary file
 * (hashing needs the whole file before the first row is written), imported from there, then deleted; the
 * answer streams the import's events as NDJSON. A client that goes away stops the import between batches
 * (the run stays resumable).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { can } from '../domain/access/caller.js';
import { leastRoleWith, type Right } from '../domain/access/rights.js';
import { DomainError, invalidArgument, isDomainError } from '../domain/errors.js';
import { callerFrom } from '../graphql/caller.js';
import type { GraphStore } from '../store/port.js';
import {
  IMPORT_HEADER,
  IMPORT_PATH,
  LOADED_BY_HEADER,
  MAPPING_HEADER,
  RUNS_PATH,
  UNDO_PATH,
  decodeMapping,
  statusOf,
} from './import-protocol.js';

const PROGRESS_EVERY_MS = 250;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function refusal(error: unknown, logger: Logger): Response {
  if (isDomainError(error) && error.code !== 'INTERNAL') {
    return json(statusOf(error.code), { error: { code: error.code, message: error.message } });
  }
  logger.error({ err: error }, 'import endpoint failed');
  return json(500, { error: { code: 'INTERNAL', message: 'Unexpected error.' } });
}

async function spool(request: Request, name: string): Promise<{ path: string; dispose: () => Promise<void> }> {
  if (!request.body) throw invalidArgument('body', 'send the file as the request body');
  const dir = await mkdtemp(join(tmpdir(), 'ringtrace-upload-'));
  const path = join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_') || 'upload');
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    // The body is the server adapter's own stream type (not Node's web stream): read it through its reader.
    const reader = request.body.getReader();
    const chunks = async function* () {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    };
    await pipeline(Readable.from(chunks()), createWriteStream(path));
  } catch (e) {
    await dispose();
    throw new DomainError('UNAVAILABLE', `the upload of ${name} did not arrive whole: ${(e as Error).message}`);
  }
  return { path, dispose };
}

export function useImportEndpoint({ store, logger }: { store: GraphStore; logger: Logger }): Plugin {
  const log = logger.child({ component: 'import' });
  /** Runs loading in this process: listed as running, not undoable until they end. */
  const active = new Set<string>();
  // Loaded on first use: the importer pulls in parsers the API does not need at start.
  const importer = () => import('../ingest/import/index.js');

  async function runUpload(request: Request, url: URL): Promise<Response> {
    const { runImport, builtinMapping, parseMapping } = await importer();
    const q = url.searchParams;
    const name = q.get('name') ?? 'upload';
    const header = request.headers.get(MAPPING_HEADER);
    const mapping = header
      ? parseMapping(decodeMapping(header), `mapping for ${name}`, `upload:${name}`)
      : await builtinMapping(q.get('mapping') ?? '');
    const batchSize = q.has('batchSize') ? Number(q.get('batchSize')) : undefined;
    const upload = await spool(request, name);
    const who = request.headers.get(LOADED_BY_HEADER);
    const loadedBy = `${callerFrom(request).id} over http${who ? ` (${who.slice(0, 200)})` : ''}`;
    const encoder = new TextEncoder();
    let run: string | undefined;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (o: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`));
        let last = 0;
        try {
          const summary = await runImport(store, {
            files: [{ path: upload.path, name }],
            mapping,
            loadedBy,
            dryRun: q.get('dryRun') === '1',
            force: q.get('force') === '1',
            ...(q.has('fast') && { fast: q.get('fast') === '1' }),
            ...(q.has('title') && { title: q.get('title')! }),
            ...(batchSize !== undefined && { batchSize }),
            signal: request.signal,
            onEvent: (e) => {
              if (e.type === 'start' && e.run) active.add((run = e.run));
              if (e.type === 'progress' && performance.now() - last < PROGRESS_EVERY_MS) return;
              if (e.type === 'progress') last = performance.now();
              send(e);
            },
          });
          send({ type: 'summary', summary });
        } catch (error) {
          const code = isDomainError(error) ? error.code : 'INTERNAL';
          if (code === 'INTERNAL') log.error({ err: error }, 'import failed');
          send({ type: 'error', code, message: code === 'INTERNAL' ? 'Unexpected error.' : (error as Error).message });
        } finally {
          if (run) active.delete(run);
          await upload.dispose();
          controller.close();
        }
      },
    });
    return new Response(body, { headers: { 'content-type': 'application/x-ndjson' } });
  }

  /** Imports and the run list need import:run, an undo import:undo (the auth plugin already signed the caller in). */
  function refusedRight(request: Request, path: string): Response | undefined {
    const right: Right = path === UNDO_PATH ? 'import:undo' : 'import:run';
    const caller = callerFrom(request);
    if (can(caller, right)) return undefined;
    const role = leastRoleWith(right);
    const message = `${path} needs the right ${right} (role ${role} or above); you are ${caller.role}`;
    return json(403, { error: { code: 'FORBIDDEN', message, right, role } });
  }

  return {
    async onRequest({ request, url, endResponse }) {
      const path = url.pathname;
      if (path !== IMPORT_PATH && path !== RUNS_PATH && path !== UNDO_PATH) return;
      try {
        const refused = refusedRight(request, path);
        if (refused) return endResponse(refused);
        if (path === RUNS_PATH) {
          if (request.method !== 'GET')
            return endResponse(json(405, { error: { code: 'BAD_REQUEST', message: 'GET only' } }));
          const { listRuns } = await importer();
          return endResponse(json(200, { runs: await listRuns(store), active: [...active] }));
        }
        if (request.method !== 'POST')
          return endResponse(json(405, { error: { code: 'BAD_REQUEST', message: 'POST only' } }));
        if (!request.headers.has(IMPORT_HEADER)) {
          return endResponse(
            json(403, { error: { code: 'BAD_REQUEST', message: `the ${IMPORT_HEADER} header is required` } }),
          );
        }
        if (path === UNDO_PATH) {
          const { undoImport } = await importer();
          return endResponse(
            json(200, { undo: await undoImport(store, url.searchParams.get('run') ?? '', { active }) }),
          );
        }
        return endResponse(await runUpload(request, url));
      } catch (error) {
        return endResponse(refusal(error, log));
      }
    },
  };
}
