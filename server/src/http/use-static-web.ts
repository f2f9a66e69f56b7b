import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticWebOptions {
  /** The built web app (web/dist). */
  readonly root: string;
  /** Paths owned by the server (GraphQL, probes), never answered from files. */
  readonly reserved: readonly string[];
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Serves the built web app: files under `root`, and index.html for any other GET without a file
 * extension (client-side routes). When the app is not built, says how to build it.
 */
export function useStaticWeb({ root, reserved }: StaticWebOptions): Plugin {
  const base = resolve(root);
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const path = url.pathname;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (reserved.some((p) => path === p || path.startsWith(`${p}/`))) return;

      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        return endResponse(new fetchAPI.Response('Bad path', { status: 400 }));
      }
      const file = join(base, decoded);
      // join() resolves `..`; anything that lands outside the root is refused.
      if (file !== base && !file.startsWith(base + sep)) {
        return endResponse(new fetchAPI.Response('Not found', { status: 404 }));
      }

      let target = (await isFile(file)) ? file : undefined;
      if (!target && extname(decoded) === '') target = join(base, 'index.html');
      if (!target) return endResponse(new fetchAPI.Response('Not found', { status: 404 }));
      if (!(await isFile(target))) {
        const hint = 'The web app is not built: run `pnpm --filter @ringtrace/web build` (`pnpm start` does it).';
        return endResponse(new fetchAPI.Response(hint, { status: 503, headers: { 'content-type': 'text/plain' } }));
      }

      const body = request.method === 'HEAD' ? null : await readFile(target);
      // Vite fingerprints everything under assets/; index.html must always be fetched fresh.
      const immutable = target.startsWith(join(base, 'assets') + sep);
      endResponse(
        new fetchAPI.Response(body, {
          headers: {
            'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          },
        }),
      );
    },
  };
}
