export {
  createKuzuStore,
  DEFAULT_BUFFER_POOL_BYTES,
  DEFAULT_COPY_MIN_ROWS,
  DEFAULT_QUERY_TIMEOUT_MS,
  DEFAULT_READ_CONNECTIONS,
  type KuzuStoreOptions,
} from './kuzu-store.js';
