import { createHash, randomBytes } from 'node:crypto';
import type { Tokens } from '../app/staff-access.ts';

/** 32 random bytes, URL-safe; only their SHA-256 is stored, so a database copy holds no usable token. */
export const randomTokens: Tokens = {
  create() {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: sha256(token) };
  },
  hashOf: sha256,
};

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
