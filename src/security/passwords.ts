import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../app/staff-access.ts';

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 passes, 1 lane). A malformed stored
 * hash counts as a wrong password, never as an error page.
 */
const options = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, options),
  verify: async (stored, password) => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};
