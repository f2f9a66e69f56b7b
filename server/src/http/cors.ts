/**
 * Strict CORS, in place of yoga's default (which reflects any Origin and allows credentials: any site a
 * signed-in analyst visits could then read the API with the browser's help). By default no origin but
 * the app's own: no Access-Control-Allow-Origin on any response, and preflights are refused, so a
 * browser never lets another site's script read an answer or send a JSON POST. RINGTRACE_CORS_ORIGINS
 * names exact origins (a UI served from elsewhere) that may call the API: they get their own origin
 * back, never `*`, and no credentials (the API takes a bearer token, not cookies).
 * Two plugins: the preflight answer comes before authentication in app.ts, the headers at the end.
 */
import type { Plugin } from 'graphql-yoga';
import { setHeaders } from './security-headers.js';

export interface CorsOptions {
  /** Exact origins (`https://ui.example.org`, `http://localhost:5173`); empty: same-origin only. */
  readonly origins: readonly string[];
  /** The header CSRF prevention asks of GETs and form posts (app.ts's CSRF_HEADER). */
  readonly csrfHeader: string;
}

export const CORS_METHODS = 'GET, POST';
/** Preflight answers are cached by the browser for 10 minutes. */
export const CORS_MAX_AGE_SECONDS = 600;

/** `https://host[:port]` exactly as browsers send it in Origin: no path, no trailing slash, no `*`. */
export function isExactOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
  } catch {
    return false;
  }
}

const isPreflight = (request: Request) =>
  request.method === 'OPTIONS' && request.headers.has('origin') && request.headers.has('access-control-request-method');

export interface StrictCors {
  /** Answers preflights; placed before authentication (a preflight carries no token by design). */
  readonly preflight: Plugin;
  /** Adds the allowed origin to answers; placed last, so it reaches responses other plugins replaced. */
  readonly headers: Plugin;
}

export function useStrictCors({ origins, csrfHeader }: CorsOptions): StrictCors {
  const allowed = new Set(origins);
  const allowedHeaders = ['authorization', 'content-type', csrfHeader].join(', ');
  const preflight: Plugin = {
    onRequest({ request, endResponse }) {
      if (!isPreflight(request)) return;
      const origin = request.headers.get('origin')!;
      if (!allowed.has(origin)) {
        // Refused: no CORS header at all, so the browser stops the request it was asking about.
        return endResponse(
          new Response('cross-origin requests from this origin are not allowed', {
            status: 403,
            headers: { 'content-type': 'text/plain; charset=utf-8', vary: 'Origin' },
          }),
        );
      }
      endResponse(
        new Response(null, {
          status: 204,
          headers: {
            'access-control-allow-origin': origin,
            'access-control-allow-methods': CORS_METHODS,
            'access-control-allow-headers': allowedHeaders,
            'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
            vary: 'Origin',
            // Safari waits for a body on a 204 without it.
            'content-length': '0',
          },
        }),
      );
    },
  };
  const headers: Plugin = {
    onResponse({ request, response, setResponse }) {
      if (allowed.size === 0 || isPreflight(request)) return;
      const origin = request.headers.get('origin');
      // Answers differ by Origin when some are allowed: caches must keep them apart.
      const vary = response.headers.get('vary');
      const set: Record<string, string> = vary?.toLowerCase().includes('origin')
        ? {}
        : { vary: vary ? `${vary}, Origin` : 'Origin' };
      if (origin !== null && allowed.has(origin)) set['access-control-allow-origin'] = origin;
      setHeaders(response, set, setResponse);
    },
  };
  return { preflight, headers };
}
