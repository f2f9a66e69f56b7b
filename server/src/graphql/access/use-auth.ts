/**
 * The first plugin of the app: every request that is not public carries a token (`Authorization:
 * Bearer <token>`) or is answered 401 here, before any other plugin reads its body. The caller it sets
 * (auth/request-caller.ts) is what the GraphQL context, the import endpoint, audit and rate limits read.
 * Public: the probes (/health, /ready), CORS preflights, and GET/HEAD outside the API's paths (the
 * static web app, so the sign-in page loads; it holds no case data).
 */
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { bearerToken, setCaller, type Authenticator } from '../../auth/index.js';
import { isDomainError } from '../../domain/errors.js';

export interface AuthPluginOptions {
  readonly authenticator: Authenticator;
  readonly logger: Logger;
  /** Paths (and everything under them) that always need a token, whatever the method. */
  readonly apiPaths: readonly string[];
  /** Paths that never need one. */
  readonly publicPaths: readonly string[];
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export function isPublicRequest(
  request: Request,
  path: string,
  options: Pick<AuthPluginOptions, 'apiPaths' | 'publicPaths'>,
) {
  if (options.publicPaths.includes(path)) return true;
  if (options.apiPaths.some((p) => path === p || path.startsWith(`${p}/`))) return false;
  return request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
}

export function useAuth(options: AuthPluginOptions): Plugin {
  const log = options.logger.child({ component: 'auth' });
  return {
    async onRequest({ request, url, endResponse }) {
      if (isPublicRequest(request, url.pathname, options)) return;
      const header = request.headers.get('authorization');
      try {
        setCaller(request, await options.authenticator.authenticate(bearerToken(header)));
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'UNAUTHENTICATED') {
          log.error({ err: error }, 'authentication failed unexpectedly');
          return endResponse(
            json(500, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL' } }] }),
          );
        }
        const reason = String(error.details['reason'] ?? 'invalid');
        log.debug({ reason, path: url.pathname }, 'request refused: not signed in');
        // RFC 6750: the scheme always; `error="invalid_token"` when a token was sent and refused.
        const challenge =
          reason === 'missing' ? 'Bearer realm="ringtrace"' : 'Bearer realm="ringtrace", error="invalid_token"';
        return endResponse(
          json(
            401,
            { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED', reason } }] },
            {
              'www-authenticate': challenge,
            },
          ),
        );
      }
    },
  };
}
