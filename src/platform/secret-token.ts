import { createHash, randomBytes } from 'node:crypto';

/** A fresh unguessable token with the given prefix (e.g. `er_` for API tokens). */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** The SHA-256 of a token: only this is stored, so a leaked table reveals no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
