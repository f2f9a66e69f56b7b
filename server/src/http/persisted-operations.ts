/**
 * Persisted operations (RINGTRACE_PERSISTED_OPERATIONS): which GraphQL documents the server runs.
 *   off    any document; a persisted-query hash is ignored
 *   allow  any document, and the manifest's operations by hash (the default)
 *   only   the manifest's operations alone, by hash: for production, where the API then runs nothing
 *          but what the web app itself sends, and a stolen token cannot send crafted documents.
 * The manifest (persisted-operations.json) is the web app's own operations, extracted from web/src/api
 * (persisted-operations-manifest.ts). The web sends each document with its SHA-256, Apollo's way
 * (`extensions.persistedQuery: { version: 1, sha256Hash }`), so it works in every mode. Ad-hoc Cypher
 * still runs in `only` mode: the Cypher is a variable of the persisted RunCypher operation.
 * Built on @graphql-yoga/plugin-persisted-operations, with a step before it: a request carrying both
 * the document and its hash runs the manifest's copy when the hash is in it (the plugin alone would
 * refuse any request with a document in `only` mode), a hash that is not the document's is refused, and
 * in `allow` mode a request without a hash goes straight to yoga's own checks.
 */
import { readFileSync } from 'node:fs';
import { usePersistedOperations, defaultExtractPersistedOperationId } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { MANIFEST_PATH, sha256Hex, type Manifest } from './persisted-operations-manifest.js';

export const PERSISTED_OPERATIONS_MODES = ['off', 'allow', 'only'] as const;
export type PersistedOperationsMode = (typeof PERSISTED_OPERATIONS_MODES)[number];

export interface PersistedOperationsOptions {
  readonly mode: PersistedOperationsMode;
  /** Hash -> document; default: the web app's manifest. */
  readonly operations?: ReadonlyMap<string, string>;
}

/** The manifest's operations by hash; every hash is checked against its document. */
export function loadPersistedOperations(path = MANIFEST_PATH): ReadonlyMap<string, string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const operations = new Map<string, string>();
  for (const { id, name, body } of manifest.operations) {
    if (sha256Hex(body) !== id) throw new Error(`${path}: ${name}'s id is not the SHA-256 of its body`);
    operations.set(id, body);
  }
  return operations;
}

let webOperations: ReadonlyMap<string, string> | undefined;
/** The web app's manifest, read once. */
const webManifest = () => (webOperations ??= loadPersistedOperations());

/** A document the server will not run: answered like one that fails validation (400, or 200 to legacy JSON clients). */
const refused = (message: string, code: string) =>
  createGraphQLError(message, { extensions: { code, http: { status: 400, spec: true } } });

const ONLY =
  "this server runs only persisted operations (RINGTRACE_PERSISTED_OPERATIONS=only): the web app's own, " +
  'sent by their SHA-256 in extensions.persistedQuery.sha256Hash; ad-hoc Cypher goes as the query variable ' +
  'of the persisted RunCypher operation';

const notFound = (hash: string, mode: PersistedOperationsMode) =>
  refused(
    mode === 'only'
      ? `the operation ${hash.slice(0, 12)}… is not one of this server's persisted operations (RINGTRACE_PERSISTED_OPERATIONS=only)`
      : `the operation ${hash.slice(0, 12)}… is not one of this server's persisted operations: send its document with it`,
    'PERSISTED_QUERY_NOT_FOUND',
  );

export function usePersistedOperationsMode({ mode, operations }: PersistedOperationsOptions): Plugin[] {
  if (mode === 'off') return [];
  const known = operations ?? webManifest();
  const plugin = usePersistedOperations({
    getPersistedOperation: (hash) => known.get(hash) ?? null,
    allowArbitraryOperations: mode === 'allow',
    customErrors: {
      notFound: (payload) =>
        notFound(defaultExtractPersistedOperationId(payload.params, payload.request, {}) ?? '', mode),
      persistedQueryOnly: () => refused(ONLY, 'PERSISTED_QUERY_REQUIRED'),
      keyNotFound: () => refused(ONLY, 'PERSISTED_QUERY_REQUIRED'),
    },
  });
  const { onParams } = plugin;
  return [
    {
      ...plugin,
      onParams(payload) {
        const { params, request, setParams } = payload;
        const hash = defaultExtractPersistedOperationId(params, request, {});
        // An ordinary request in `allow` mode: yoga's own checks answer a missing or malformed query.
        if (hash === null && mode === 'allow') return;
        if (hash !== null && typeof params.query === 'string') {
          if (sha256Hex(params.query) !== hash) {
            throw refused(
              'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it',
              'BAD_REQUEST',
            );
          }
          if (!known.has(hash)) {
            if (mode === 'only') throw notFound(hash, mode);
            return; // `allow`: the document runs as sent.
          }
          // Run the manifest's copy (the same text): the plugin takes it by its hash.
          const { query: _sent, ...rest } = params;
          setParams(rest);
          return onParams?.({ ...payload, params: rest });
        }
        return onParams?.(payload);
      },
    },
  ];
}
