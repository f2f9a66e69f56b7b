/** @ringtrace/seed: the demo case and the synthetic case generator, both written as case bundles. */
export { generateCase, type GenerateOptions, type GenerateResult } from './generate/generate-case.js';
export { MAX_SCALE, MIN_SCALE } from './generate/plan.js';
export { buildDemo, DEMO_DIR, DEMO_SEED } from './demo/build-demo.js';
export {
  BUNDLE_FORMAT,
  type Basis,
  type BundleManifest,
  type DeclaredSource,
  type FileMeta,
} from './bundle/manifest.js';
