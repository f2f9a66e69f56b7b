import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** A module from one of these packages (pnpm keeps each under node_modules/<name>/). */
const from = (...names: string[]) => new RegExp(`node_modules[\\\\/](${names.join('|')})[\\\\/]`);

// `pnpm --filter @ringtrace/web dev` serves on 5173 and sends the API to a server started with `pnpm start`.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Libraries in chunks of their own, cached across app releases. Each is under Vite's 500 kB warning
    // but the Cypher parser (one package), hence the limit.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'cytoscape', test: from('cytoscape') },
            {
              name: 'cytoscape-extensions',
              test: from('cytoscape-[a-z-]+', 'cose-base', 'layout-base', 'dagre', 'graphlib', 'lodash'),
            },
            { name: 'react', test: from('react', 'react-dom', 'scheduler') },
            // The Cypher editor, loaded only when the Queries panel opens; its generated parser is ~670 kB.
            { name: 'cypher-parser', test: from('@neo4j-cypher[\\\\/]antlr4', 'antlr4') },
            {
              name: 'codemirror',
              test: from('@codemirror', '@lezer', '@neo4j-cypher', 'codemirror', 'style-mod', 'w3c-keyname', 'crelt'),
            },
          ],
        },
      },
    },
  },
});
