/**
 * Reconnection delays: exponential growth with a cap, and "equal jitter" (half the delay fixed,
 * half random) so that a whole operations centre's screens, dropped together by a restarting
 * server, do not all come back in the same millisecond — yet none comes back at once either.
 */
export interface BackoffOptions {
  /** Delay before the first retry, ms. Default 1000. */
  baseMs?: number;
  /** The longest delay, ms. Default 30 000. */
  maxMs?: number;
  /** Growth per attempt. Default 2. */
  factor?: number;
  /** Random source in [0, 1), injectable for deterministic tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 1000, maxMs: 30_000, factor: 2 } as const;

/** Delay before retry number `attempt` (0 = first retry): in [cap/2, cap) with cap = min(max, base·factor^attempt). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = Math.max(0, options.baseMs ?? DEFAULT_BACKOFF.baseMs);
  const max = Math.max(base, options.maxMs ?? DEFAULT_BACKOFF.maxMs);
  const factor = Math.max(1, options.factor ?? DEFAULT_BACKOFF.factor);
  const random = options.random ?? Math.random;
  // Capping the exponent keeps factor^attempt finite however long a server stays down.
  const cap = Math.min(max, base * factor ** Math.min(Math.max(0, attempt), 64));
  const jitter = Math.min(0.999_999, Math.max(0, random()));
  return Math.floor(cap / 2 + (cap / 2) * jitter);
}
