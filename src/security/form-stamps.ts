import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A signed stamp of when a public form was made, for spam resistance without a third party (ADR 014):
 * a form sent back within seconds was filled in by a program, and one older than a day is not from a
 * page someone has open. The stamp names the form it belongs to, so it cannot be moved to another.
 */

export type StampCheck = 'ok' | 'too_fast' | 'too_old' | 'invalid';

export type FormStamps = {
  issue(form: string, at: Date): Promise<string>;
  check(stamp: string, form: string, at: Date): Promise<StampCheck>;
};

export const stampLimits = { minimumMs: 3_000, maximumMs: 24 * 3_600_000 } as const;

/** A random secret for signing stamps (32 bytes, URL-safe). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Stamps signed with HMAC-SHA256 under a secret loaded once, when first needed. */
export function createFormStamps(loadSecret: () => Promise<string>): FormStamps {
  let secret: Promise<string> | null = null;
  const key = () => {
    secret ??= loadSecret().catch((error: unknown) => {
      secret = null;
      throw error;
    });
    return secret;
  };
  const sign = async (issued: number, form: string) => createHmac('sha256', await key()).update(`${issued}|${form}`).digest('base64url');
  return {
    async issue(form, at) {
      const issued = at.getTime();
      return `${issued}.${await sign(issued, form)}`;
    },
    async check(stamp, form, at) {
      const match = /^(\d{1,15})\.([\w-]{43})$/.exec(stamp);
      if (!match) return 'invalid';
      const issued = Number(match[1]);
      const expected = Buffer.from(await sign(issued, form));
      const given = Buffer.from(match[2]!);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
      const age = at.getTime() - issued;
      if (age < stampLimits.minimumMs) return 'too_fast';
      if (age > stampLimits.maximumMs) return 'too_old';
      return 'ok';
    },
  };
}
