import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm --filter @ringtrace/web dev` serves on 5173 and sends the API to a server started with `pnpm start`.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
