/**
 * @neo4j-cypher/react-codemirror 1.0.4 ships its types but its package.json `exports` has no `types`
 * condition, so TypeScript cannot find them for the bare import: point it at them.
 */
declare module '@neo4j-cypher/react-codemirror' {
  export type * from '@neo4j-cypher/react-codemirror/src/react-codemirror.d.ts';
  export { CypherEditor } from '@neo4j-cypher/react-codemirror/src/react-codemirror.d.ts';
}
