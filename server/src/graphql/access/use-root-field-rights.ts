/**
 * The check of every GraphQL operation, before any resolver runs: each root field of the operation
 * (fragments at the root included) must carry a right the caller's role holds. One refused field
 * refuses the whole operation with 403, so nothing partial runs. Introspection (`__schema`, `__type`,
 * `__typename`) is open to any signed-in caller: the schema is no secret, the data is.
 */
import {
  getOperationAST,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { can } from '../../domain/access/caller.js';
import type { GraphQLContext } from '../context.js';
import { forbidden } from './forbidden.js';
import { rootFieldRights, type RootOperation } from './requires-directive.js';

function rootFieldNames(selections: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): string[] {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const names: string[] = [];
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      names.push(...rootFieldNames(selection.selectionSet, document, seen));
    else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      seen.add(name);
      names.push(...rootFieldNames(fragment.selectionSet, document, seen));
    }
  }
  return names;
}

export function useRootFieldRights(): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (!operation) return; // graphql's own execute reports it
      const caller = (args.contextValue as GraphQLContext).caller;
      const rootType: RootOperation | undefined =
        operation.operation === 'query' ? 'Query' : operation.operation === 'mutation' ? 'Mutation' : undefined;
      const errors: GraphQLError[] = [];
      for (const field of new Set(rootFieldNames(operation.selectionSet, args.document))) {
        if (field.startsWith('__')) continue;
        const declared = rootType && rootFieldRights(args.schema).get(`${rootType}.${field}`);
        if (!declared) {
          errors.push(forbidden(`${operation.operation} field ${field}`, undefined, caller));
          continue;
        }
        if (declared.right === undefined || !can(caller, declared.right)) {
          errors.push(forbidden(`${rootType}.${field}`, declared.right, caller));
        }
      }
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
