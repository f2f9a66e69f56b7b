/**
 * The quick start stays one command: when no active admin token exists (a fresh data directory), the
 * server creates one and prints a sign-in link, as Jupyter does. The token travels in the URL's fragment
 * (`#token=`), which browsers never send to a server: it stays out of access logs and Referer headers.
 */
import type { TokenStore } from './token-store.js';

export const FIRST_ADMIN_NAME = 'admin (first start)';

/** The new admin token, or undefined when an active admin token exists already. */
export async function ensureFirstAdmin(tokens: TokenStore): Promise<string | undefined> {
  if (await tokens.hasActiveAdmin()) return undefined;
  const { token } = await tokens.create({ name: FIRST_ADMIN_NAME, role: 'admin', createdBy: 'ringtrace first start' });
  return token;
}

export const signInLink = (baseUrl: string, token: string) => `${baseUrl}/#token=${token}`;

/** What a start prints, to stdout, beside the logger's own line. */
export function signInNotice(baseUrl: string, token: string | undefined): string {
  if (token !== undefined) {
    return [
      '',
      '    Ringtrace created an admin token on this first start (shown once, only its hash is kept).',
      '    Sign in by opening:',
      '',
      `        ${signInLink(baseUrl, token)}`,
      '',
      `    For the command line: export RINGTRACE_TOKEN=${token}`,
      '    Tokens for others: pnpm ringtrace token create --name <who> --role viewer|analyst|loader|admin',
      '',
    ].join('\n');
  }
  return [
    '',
    `    Sign in at ${baseUrl} with an API token (${baseUrl}/#token=<token> signs in directly).`,
    '    A new one: RINGTRACE_TOKEN=<an admin token> pnpm ringtrace token create --name <who> --role analyst',
    '',
  ].join('\n');
}
