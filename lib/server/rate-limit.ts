import 'server-only'
/**
 * Login throttling with exponential back-off, in process memory. Each key (a username from one client
 * address, a client address, a username from anywhere) gets a few free failures, then every further
 * failure doubles the wait before the next attempt (1 s, 2 s, 4 s … up to `maxDelayMs`). Nothing is ever
 * locked: a stranger guessing at a name from elsewhere slows down only their own address and, after many
 * more failures, the name's attempts — for seconds, not a lock-out. A success clears the name's keys.
 */
export class BackoffLimiter {
  private state = new Map<string, { failures: number; until: number; last: number }>()
  constructor(
    private readonly freeFailures: number,
    private readonly baseDelayMs = 1000,
    private readonly maxDelayMs = 15 * 60_000,
    /** failures older than this are forgotten */
    private readonly forgetAfterMs = 60 * 60_000,
  ) {}

  /** Milliseconds to wait before `key` may try again (0: now). */
  waitMs(key: string, now = Date.now()): number {
    const s = this.state.get(key)
    if (!s) return 0
    if (now - s.last > this.forgetAfterMs) {
      this.state.delete(key)
      return 0
    }
    return Math.max(0, s.until - now)
  }

  fail(key: string, now = Date.now()): void {
    const s = this.state.get(key) ?? { failures: 0, until: 0, last: now }
    s.failures++
    s.last = now
    const over = s.failures - this.freeFailures
    s.until = over > 0 ? now + Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(over - 1, 30)) : 0
    this.state.set(key, s)
    if (this.state.size > 100_000) this.prune(now)
  }

  reset(key: string): void {
    this.state.delete(key)
  }

  private prune(now: number): void {
    for (const [k, s] of this.state) if (now - s.last > this.forgetAfterMs || s.until < now) this.state.delete(k)
  }
}

/** The three keys of a login attempt and their allowances. */
export class LoginThrottle {
  private readonly pair = new BackoffLimiter(5)
  private readonly address = new BackoffLimiter(20)
  private readonly name = new BackoffLimiter(50)

  private keys(username: string, ip: string) {
    const u = username.toLowerCase()
    return [
      [this.pair, `${u}|${ip}`],
      [this.address, ip],
      [this.name, u],
    ] as const
  }

  /** Seconds to wait before this username may be tried from this address (0: go ahead). */
  waitSeconds(username: string, ip: string, now = Date.now()): number {
    return Math.ceil(Math.max(...this.keys(username, ip).map(([l, k]) => l.waitMs(k, now))) / 1000)
  }

  failed(username: string, ip: string, now = Date.now()): void {
    for (const [l, k] of this.keys(username, ip)) l.fail(k, now)
  }

  succeeded(username: string, ip: string): void {
    const [[pair, pk], , [name, nk]] = this.keys(username, ip)
    pair.reset(pk)
    name.reset(nk)
  }
}

export const loginThrottle = new LoginThrottle()

/** "30 秒" / "2 分钟" for a wait. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`
}
