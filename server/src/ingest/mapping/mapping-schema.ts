/**
 * The mapping file format (`ringtrace-mapping/1`, YAML or JSON): how the rows of an export become
 * entities, links and properties. The shape is checked here with zod; what it names (kinds, types,
 * properties, zones, regions) is checked against the model in check-mapping.ts. README.md, "Loading
 * seized data", documents every field.
 */
import { z } from 'zod';

export const MAPPING_FORMAT = 'ringtrace-mapping/1';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** Where a value comes from, and how it is cleaned up before the model's own coercion. */
const valueObject = z
  .object({
    column: z.string().min(1).optional(),
    value: scalar.optional(),
    template: z.string().min(1).optional(),
    item: z.literal(true).optional(),
    default: scalar.optional(),
    required: z.boolean().optional(),
    pattern: z.string().min(1).optional(),
    map: z.record(z.string(), z.union([z.string(), z.null()])).optional(),
    split: z.string().min(1).optional(),
    format: z.string().min(1).optional(),
    timeZone: z.string().min(1).optional(),
    decimalComma: z.boolean().optional(),
    scale: z.number().int().min(-36).max(36).optional(),
    normalise: z.enum(['phone', 'country', 'wallet']).optional(),
  })
  .strict()
  .refine((v) => [v.column, v.value, v.template, v.item].filter((x) => x !== undefined).length === 1, {
    error: 'give exactly one of column, value, template or item',
  });

/** A column name alone, or the object form. */
export const valueSpecSchema = z.union([z.string().min(1), valueObject]);

const alias = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a name of letters, digits, "_" or "-"');

const entitySchema = z
  .object({
    kind: z.string().min(1),
    key: valueSpecSchema.optional(),
    properties: z.record(z.string(), valueSpecSchema).default({}),
    each: valueSpecSchema.optional(),
    region: valueSpecSchema.optional(),
    /** Only rows whose column holds one of these values assert this entity (record types, per-row kinds). */
    when: z
      .object({ column: z.string().min(1), in: z.array(z.string()).min(1) })
      .strict()
      .optional(),
    optional: z.boolean().default(false),
    /**
     * A reference, not an assertion: links may point at it, but this mapping does not write it. A given-key
     * entity must then exist (written earlier in the run or stored), else the row is rejected; a phone,
     * wallet or country is created from the first row that names it when the run has not written it.
     */
    ref: z.boolean().default(false),
  })
  .strict();

const linkSchema = z
  .object({
    type: z.string().min(1),
    from: alias,
    to: alias,
    properties: z.record(z.string(), valueSpecSchema).default({}),
  })
  .strict();

const inputSchema = z
  .object({
    format: z.enum(['csv', 'jsonl', 'yaml-seq']).default('csv'),
    delimiter: z.string().min(1).max(4).default('auto'),
    quote: z.string().length(1).default('"'),
    escape: z.string().length(1).optional(),
    header: z.boolean().default(true),
    columns: z.array(z.string().min(1)).optional(),
    encoding: z.string().min(1).default('utf-8'),
    skipLines: z.number().int().min(0).default(0),
    comment: z.string().length(1).optional(),
    maxLineLength: z
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024)
      .default(16 * 1024 * 1024),
  })
  .strict();

export const mappingSchema = z
  .object({
    format: z.literal(MAPPING_FORMAT),
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-"'),
    description: z.string().default(''),
    basis: z.enum(['seized', 'reported', 'synthetic', 'manual']).default('seized'),
    input: inputSchema.default(inputSchema.parse({})),
    context: z
      .object({
        defaultRegion: z.string().length(2).optional(),
        timeZone: z.string().min(1).optional(),
        dateFormat: z.string().min(1).optional(),
        dateTimeFormat: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    entities: z.record(alias, entitySchema).refine((e) => Object.keys(e).length > 0, {
      error: 'a mapping needs at least one entity',
    }),
    links: z.array(linkSchema).default([]),
  })
  .strict();

export type ValueSpec = z.infer<typeof valueSpecSchema>;
export type ValueObject = z.infer<typeof valueObject>;
export type EntitySpec = z.infer<typeof entitySchema>;
export type LinkSpec = z.infer<typeof linkSchema>;
export type InputSpec = z.infer<typeof inputSchema>;
export type Mapping = z.infer<typeof mappingSchema>;

/** The object form of a value spec (a bare string is a column). */
export const valueObjectOf = (spec: ValueSpec): ValueObject => (typeof spec === 'string' ? { column: spec } : spec);
