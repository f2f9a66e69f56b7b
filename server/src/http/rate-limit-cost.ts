/**
 * What a request costs against its caller's rate limit, in points: 1 for an ordinary request, more for
 * what holds the store longer. Kept to a short table (server/README.md, "Hardening"):
 *   runCypher, runSavedQuery       10  each takes one of two analyst connections, up to its timeout
 *   paths, connectingNetwork        5  path searches over up to 10 (30) hops
 *   neighbourhood                   1 at depth 1, 3 at depth 2, 10 at depth 3 and more
 *   POST /import                   20  a whole file through the importer
 *   anything else                   1  per root field (aliases repeat a field's store call)
 * A document's cost is the sum over the root fields of the operation it runs, at least 1.
 */
import { Kind, type DocumentNode, type FieldNode, type SelectionSetNode, type ValueNode } from 'graphql';

export const FIELD_COSTS: Readonly<Record<string, number>> = {
  runCypher: 10,
  runSavedQuery: 10,
  paths: 5,
  connectingNetwork: 5,
};

export const IMPORT_COST = 20;

/** neighbourhood's cost by depth: the store reads grow with each hop. */
export const neighbourhoodCost = (depth: number) => (depth >= 3 ? 10 : depth === 2 ? 3 : 1);

type Variables = Readonly<Record<string, unknown>> | null | undefined;

function intArgument(field: FieldNode, name: string, variables: Variables): number | undefined {
  const value: ValueNode | undefined = field.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.INT) return Number(value.value);
  if (value?.kind === Kind.VARIABLE) {
    const given = variables?.[value.name.value];
    return typeof given === 'number' ? given : undefined;
  }
  return undefined;
}

function fieldCost(field: FieldNode, variables: Variables): number {
  const name = field.name.value;
  if (name === '__typename') return 0;
  if (name === 'neighbourhood') return neighbourhoodCost(intArgument(field, 'depth', variables) ?? 1);
  return FIELD_COSTS[name] ?? 1;
}

/** The root fields of a selection set, through fragments (a spread at the root counts its fields). */
function rootFields(set: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      fields.push(...rootFields(selection.selectionSet, document, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION)
        fields.push(...rootFields(fragment.selectionSet, document, seen));
    }
  }
  return fields;
}

/** The cost of the operation `operationName` (or the only one) of a validated document. */
export function operationCost(document: DocumentNode, operationName: string | null | undefined, variables: Variables) {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 1;
  const total = rootFields(operation.selectionSet, document).reduce((sum, f) => sum + fieldCost(f, variables), 0);
  return Math.max(1, total);
}
