/**
 * The sign-in token the web sends as `Authorization: Bearer <token>`, and nothing else about identity
 * (who the token belongs to comes from the `me` query).
 *
 * Where it comes from: the start link the server prints (`http://host:port/#token=<token>`, as Jupyter
 * does) or a token pasted on the sign-in screen (`ringtrace token create`). The fragment never reaches
 * the server, and it is removed from the address at once (history.replaceState, so no history entry
 * and nothing in a copied link or a screenshot) while the rest of the fragment, a route such as
 * `#/entity/<id>` or `#view=...`, stays and opens after sign-in.
 *
 * Where it is kept: sessionStorage, not localStorage. The token reads victims' personal data for as
 * long as it lives; sessionStorage ends with the tab, so a shared or handed-over workstation keeps no
 * credential on disk for the next person, and other tabs do not silently share it. The cost is one
 * paste (or the start link again) per new tab. Either storage is readable by script on the page, so
 * neither is a defence against XSS; the server's CSP is.
 */

/** The sessionStorage key. */
export const TOKEN_KEY = 'ringtrace.token';

/** The fragment parameter of the sign-in link. */
const PARAM = 'token=';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SessionEnv {
  readonly storage: Store;
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
}

/**
 * Splits `#token=<t>&<route>` (parts separated by `&`, in any order) into the token and the hash that
 * remains (`''` when nothing does). Routes never hold a raw `&`: ids are URI-encoded and views are
 * lz-string's URI-safe alphabet.
 */
export function splitTokenFragment(hash: string): { token: string | undefined; rest: string } {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body) return { token: undefined, rest: hash };
  let token: string | undefined;
  const kept: string[] = [];
  for (const part of body.split('&')) {
    if (part.startsWith(PARAM)) token = normaliseToken(safeDecode(part.slice(PARAM.length))) ?? token;
    else if (part) kept.push(part);
  }
  if (token === undefined) return { token: undefined, rest: hash };
  return { token, rest: kept.length ? `#${kept.join('&')}` : '' };
}

/**
 * What a person pastes, read as a token: the token itself, `Bearer <token>`, or the whole start link
 * (the fragment's token). Undefined when nothing usable is left.
 */
export function tokenFromInput(text: string): string | undefined {
  const trimmed = text.trim();
  const hashAt = trimmed.indexOf('#');
  if (hashAt >= 0) {
    const { token } = splitTokenFragment(trimmed.slice(hashAt));
    if (token) return token;
  }
  return normaliseToken(trimmed);
}

function normaliseToken(text: string): string | undefined {
  const token = text
    .trim()
    .replace(/^bearer\s+/i, '')
    .trim();
  // Tokens (ours and JWTs) are printable ASCII; anything else would not even go into a header.
  return /^[\x21-\x7e]+$/.test(token) ? token : undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export type SignedOutListener = (reason: SignOutReason) => void;

/** Why the session ended: the person signed out, or the server refused the token (its words). */
export type SignOutReason =
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'refused'; readonly message: string; readonly reason: string | undefined };

export interface Session {
  /** Moves a `#token=` from the address into storage; returns whether there was one. */
  consumeFragment(): boolean;
  token(): string | undefined;
  signIn(token: string): void;
  /** Forgets the token and tells the listeners (the app shows the sign-in screen). */
  signOut(reason?: SignOutReason): void;
  /**
   * The server refused `token` (401). Ends the session only if it is still the current token: a slow
   * answer to a request sent with a previous token must not sign out the person who signed in since.
   */
  refused(token: string | undefined, message: string, reason: string | undefined): void;
  onSignedOut(listener: SignedOutListener): () => void;
  /** The header every API request carries (empty when signed out: the server answers 401). */
  authHeaders(): Record<string, string>;
}

export function createSession(env: SessionEnv): Session {
  const listeners = new Set<SignedOutListener>();
  const read = () => {
    try {
      return env.storage.getItem(TOKEN_KEY) ?? undefined;
    } catch {
      return undefined; // storage disabled by the browser: signed out
    }
  };
  const session: Session = {
    consumeFragment() {
      const { token, rest } = splitTokenFragment(env.location.hash);
      if (token === undefined) return false;
      session.signIn(token);
      // Replace, not push: back must not return to an address holding the token.
      env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}${rest}`);
      return true;
    },
    token: read,
    signIn(token) {
      env.storage.setItem(TOKEN_KEY, token);
    },
    signOut(reason = { kind: 'signed-out' }) {
      env.storage.removeItem(TOKEN_KEY);
      for (const listener of [...listeners]) listener(reason);
    },
    refused(token, message, reason) {
      if (token === undefined || token !== read()) return;
      session.signOut({ kind: 'refused', message, reason });
    },
    onSignedOut(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    authHeaders(): Record<string, string> {
      const token = read();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  };
  return session;
}

/** A Storage in memory: for Node (the api tests) and browsers that refuse sessionStorage. */
export function memoryStorage(): Store {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

function browserStorage(): Store {
  try {
    if (typeof sessionStorage !== 'undefined') return sessionStorage;
  } catch {
    // Access to sessionStorage throws when the browser blocks site data.
  }
  return memoryStorage();
}

const noWindow: Omit<SessionEnv, 'storage'> = {
  location: { hash: '', pathname: '/', search: '' },
  history: { state: null, replaceState: () => undefined },
};

/** The page's session (in Node, an in-memory one the api tests sign in to). */
export const session: Session = createSession({
  storage: browserStorage(),
  ...(typeof window === 'undefined' ? noWindow : { location: window.location, history: window.history }),
});

export const authHeaders = (): Record<string, string> => session.authHeaders();
