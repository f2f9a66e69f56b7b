import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import { limitError } from './limit-error.js';
import type { DocumentLimits } from './values.js';

type GraphQLArmorConfig = NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>;
type ValidatedLimit = Exclude<keyof DocumentLimits, 'maxTokens'>;

/** The number graphql-armor found ("..., found 52."), when its message gives one. */
const foundIn = (message: string) => {
  const match = /found (\d+(?:\.\d+)?)/.exec(message);
  return match ? Math.ceil(Number(match[1])) : undefined;
};

const SIZE: Record<keyof DocumentLimits, (found: number | undefined, max: number) => string> = {
  maxDepth: (found) => `nests fields ${found ?? 'too'} deep`,
  maxAliases: (found) => `has ${found ?? 'too many'} aliases`,
  maxTokens: (_found, max) => `has more than ${max} tokens`,
  maxCost: (found) => `has an estimated cost of ${found ?? 'too much'}`,
  maxDirectives: (found) => `has ${found ?? 'too many'} directives`,
};

/**
 * A document refused by a limit. `spec: true` lets yoga answer as the GraphQL-over-HTTP spec says for
 * a document that fails validation: 400 with `application/graphql-response+json`, 200 with legacy
 * `application/json`.
 */
export function documentLimitError(limit: keyof DocumentLimits, max: number, found?: number) {
  const message = `the document ${SIZE[limit](found, max)}; the limit (${limit}) is ${max}`;
  return limitError(limit, max, message, { status: 400, spec: true });
}

/**
 * graphql-armor's rule refuses the document; we throw our own error instead of armor's ("Syntax Error:
 * ...", built with armor's own copy of graphql, which yoga would mask as unexpected). Throwing stops the
 * validation at once: no other rule runs, no resolver, no store call.
 */
const refuse = (limit: ValidatedLimit, max: number) => [
  (_context: unknown, armorError: { message: string }) => {
    throw documentLimitError(limit, max, foundIn(armorError.message));
  },
];

const ALL_OFF = {
  maxDepth: { enabled: false },
  maxAliases: { enabled: false },
  maxTokens: { enabled: false },
  costLimit: { enabled: false },
  maxDirectives: { enabled: false },
  blockFieldSuggestion: { enabled: false },
} satisfies GraphQLArmorConfig;

/** One armor plugin per rule, in this order: armor's own order puts cost first, and a deep document would be named as costly. */
function armor(config: GraphQLArmorConfig): Plugin {
  return EnvelopArmorPlugin({ ...ALL_OFF, ...config }) as Plugin;
}

/**
 * Depth, aliases, directives and cost, checked by graphql-armor's validation rules. (Armor's token limit
 * is not used: it parses with its own graphql 16 parser, so syntax errors became "Unexpected error." and
 * the executor got a graphql 16 document; use-token-limit.ts has graphql's own parser count instead.)
 */
export function useDocumentLimits(limits: Omit<DocumentLimits, 'maxTokens'>): Plugin[] {
  const options = (limit: ValidatedLimit) => ({
    onReject: refuse(limit, limits[limit]),
    propagateOnRejection: false,
    // Introspection is counted like any query: its `ofType`/`fields` nesting is the schema's only cycle.
    ignoreIntrospection: false,
    // Fragments add no depth or cost: `... on Wallet { address }` is a field of the entity.
    flattenFragments: true,
  });
  return [
    armor({ maxDepth: { n: limits.maxDepth, ...options('maxDepth') } }),
    armor({ maxAliases: { n: limits.maxAliases, ...options('maxAliases') } }),
    armor({ maxDirectives: { n: limits.maxDirectives, ...options('maxDirectives') } }),
    armor({ costLimit: { maxCost: limits.maxCost, ...options('maxCost') } }),
  ];
}
