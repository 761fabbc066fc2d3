/**
 * A fixed-window limit per key (an address, an address and an email), kept in memory. One server
 * process serves the embedded setup; several processes in production each keep their own count, so the
 * limit there is per process (ADR 012).
 */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Count one attempt; `allowed` false once the key has used its attempts in this window. */
  hit(key: string): { allowed: boolean; retryAfterSeconds: number } {
    const now = this.now();
    if (this.hits.size > 10_000) this.forgetOld(now);
    let entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      entry = { windowStart: now, count: 0 };
      this.hits.set(key, entry);
    }
    entry.count++;
    return { allowed: entry.count <= this.limit, retryAfterSeconds: Math.ceil((entry.windowStart + this.windowMs - now) / 1000) };
  }

  /** Whether the key has attempts left in this window, without counting one (for limits on failures only). */
  peek(key: string): { allowed: boolean; retryAfterSeconds: number } {
    const now = this.now();
    const entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: entry.count < this.limit, retryAfterSeconds: Math.ceil((entry.windowStart + this.windowMs - now) / 1000) };
  }

  /** Forget a key (after a successful sign-in the failed attempts no longer count). */
  reset(key: string): void {
    this.hits.delete(key);
  }

  private forgetOld(now: number) {
    for (const [key, entry] of this.hits) if (now - entry.windowStart >= this.windowMs) this.hits.delete(key);
  }
}
