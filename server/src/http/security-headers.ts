/**
 * Security headers on every response the app sends: the API's answers (refusals included: 401, 403,
 * 413, 429), the probes and the static web app. One policy for all of them: the web app's CSP is already
 * the strictest the app runs under, and a JSON answer needs no looser one.
 *
 * The CSP allows only the app's own files: no inline or eval'd script, no other origin for script,
 * style, fonts or fetches, no framing (clickjacking), no <base> or <object>, forms only to the app.
 * Styles need 'unsafe-inline': Cytoscape inserts a <style> element (its container's `position:
 * relative`, which its extensions need) and CodeMirror (the Cypher editor) puts all its styles in one
 * <style> element whose text changes as its extensions mount, so no hash can cover it; a nonce would
 * (CodeMirror's EditorView.cspNonce) but needs a per-response nonce in index.html (server/README.md,
 * "Hardening", left out). Scripts stay strict: no inline script, no eval. The browser check found no
 * other violation. `data:` and `blob:` images are the favicon placeholder and the canvas's PNG export.
 */
import type { Plugin } from 'graphql-yoga';

export interface SecurityHeadersOptions {
  /**
   * The server is reached over HTTPS (a TLS-terminating proxy in front): browsers are told to use
   * HTTPS only (Strict-Transport-Security). Never on plain HTTP, where it would lock users out.
   */
  readonly behindTls: boolean;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Powerful features the app never uses, switched off for it and anything it could embed. */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'midi=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
  'display-capture=()',
].join(', ');

/** One year, without includeSubDomains: the server must not decide for sibling hosts of its domain. */
export const HSTS = 'max-age=31536000';

export function securityHeaders({ behindTls }: SecurityHeadersOptions): Readonly<Record<string, string>> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Older browsers' frame-ancestors.
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    ...(behindTls && { 'strict-transport-security': HSTS }),
  };
}

/** Sets headers on a response; one with immutable headers (a fetched one) is copied with them. */
export function setHeaders(
  response: Response,
  headers: Readonly<Record<string, string>>,
  setResponse: (response: Response) => void,
): void {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  } catch {
    const copy = new Headers(response.headers);
    for (const [name, value] of Object.entries(headers)) copy.set(name, value);
    const { status, statusText } = response;
    setResponse(new Response(response.body, { status, statusText, headers: copy }));
  }
}

/**
 * Sets the headers on whatever response goes out, however it was made (yoga, a plugin, the static
 * files). Placed last in app.ts, so it also reaches responses another plugin replaced (a 401 become 429).
 */
export function useSecurityHeaders(options: SecurityHeadersOptions): Plugin {
  const headers = securityHeaders(options);
  return {
    onResponse({ response, setResponse }) {
      setHeaders(response, headers, setResponse);
    },
  };
}
