/** `pnpm codegen`: writes the generated schema and resolver types (see codegen.ts); an argument writes elsewhere. */
import { GENERATED_DIR, writeCodegen } from './codegen.js';

const outDir = process.argv[2] ?? GENERATED_DIR;
await writeCodegen(outDir);
console.log(`wrote the generated schema and resolver types to ${outDir}`);
