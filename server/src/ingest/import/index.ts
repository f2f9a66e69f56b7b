export { runImport, EMBEDDED_SAFE_BATCH, type ImportFile, type ImportOptions } from './run-import.js';
export { bundleImport, type BundleImport } from './bundle-mappings.js';
export { undoImport, type UndoResult } from './undo-import.js';
export { listRuns, getRun, checkRunName, type RunRecord, type RunStatus } from './import-runs.js';
export type { FileOutcome, ImportEvent, ImportFlag, ImportReject, ImportSummary } from './import-types.js';
export {
  builtinMapping,
  builtinMappingNames,
  loadMapping,
  parseMapping,
  type LoadedMapping,
} from '../mapping/load-mapping.js';
export { InputError } from '../read/input-error.js';
