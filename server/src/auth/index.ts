/** Identities: API tokens, single sign-on, and the request's caller. Nothing here knows HTTP frameworks. */
export { bearerToken, createAuthenticator, type Authenticator } from './authenticate.js';
export { ensureFirstAdmin, FIRST_ADMIN_NAME, signInLink, signInNotice } from './first-start.js';
export { parseExpiry } from './expiry.js';
export { createOidcVerifier, type OidcConfig, type OidcVerifier } from './oidc.js';
export { callerOf, setCaller } from './request-caller.js';
export { createTokenStore, type TokenInfo, type TokenStatus, type TokenStore } from './token-store.js';
export { tokensPath, TOKENS_FILE } from './token-file.js';
export { unauthenticated, type UnauthenticatedReason } from './unauthenticated.js';
