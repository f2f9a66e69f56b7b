import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { invalidArgument } from '../../domain/errors.js';

/** `bundle.json`: what a case bundle is and how to read it. The format is documented in seed/README.md. */
export const BUNDLE_FORMAT = 'ringtrace-case-bundle/1';

const basis = z.enum(['seized', 'reported', 'synthetic', 'manual']);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lower-case hex digits');

const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  name: z.string().min(1),
  description: z.string().default(''),
  basis,
  context: z
    .object({ defaultRegion: z.string().length(2).optional(), timeZone: z.string().optional() })
    .strict()
    .default({}),
  sources: z
    .array(
      z
        .object({
          key: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." or "-"'),
          name: z.string().min(1),
          title: z.string().optional(),
          url: z.string().optional(),
          sha256,
          basis,
        })
        .strict(),
    )
    .default([]),
  files: z.record(z.string(), z.object({ basis: basis.optional(), title: z.string().optional() }).strict()).default({}),
});

export type Basis = z.infer<typeof basis>;
export type BundleManifest = z.infer<typeof manifestSchema>;
export type DeclaredSource = BundleManifest['sources'][number];

/** Parses and checks a manifest; a bad one is refused naming every field that is wrong. */
export function parseManifest(json: unknown, where = 'bundle.json'): BundleManifest {
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw invalidArgument('bundle', `${where} is not a case bundle manifest: ${problems}`);
  }
  const keys = new Set<string>();
  for (const s of result.data.sources) {
    if (keys.has(s.key) || s.key === 'this')
      throw invalidArgument('bundle', `${where}: source key "${s.key}" is taken`);
    keys.add(s.key);
  }
  return result.data;
}

export async function readManifest(dir: string): Promise<BundleManifest> {
  const path = join(dir, 'bundle.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw invalidArgument('bundle', `${dir} is not a case bundle: ${path} cannot be read`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw invalidArgument('bundle', `${path} is not JSON: ${(e as Error).message}`);
  }
  return parseManifest(json, path);
}
