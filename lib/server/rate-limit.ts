import 'server-only'
/** Fixed-window limiter per key (login attempts per username), in process memory. */
export class RateLimiter {
  private hits = new Map<string, { count: number; since: number }>()
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  allow(key: string, now = Date.now()): boolean {
    const h = this.hits.get(key)
    if (!h || now - h.since > this.windowMs) {
      this.hits.set(key, { count: 1, since: now })
      return true
    }
    h.count++
    return h.count <= this.max
  }
  reset(key: string): void {
    this.hits.delete(key)
  }
}

export const loginRateLimiter = new RateLimiter(10, 60_000)
