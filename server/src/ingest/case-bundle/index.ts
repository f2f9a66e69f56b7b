export { loadCaseBundle, type FileSummary, type LoadOptions, type LoadResult } from './load-case-bundle.js';
export {
  BUNDLE_FORMAT,
  parseManifest,
  readManifest,
  type Basis,
  type BundleManifest,
  type DeclaredSource,
} from './manifest.js';
export type { FileFlag, Reject } from './issues.js';
