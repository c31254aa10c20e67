/**
 * A per-subgraph circuit breaker: after `threshold` consecutive failures it opens and fails fast
 * (no connection attempt, no timeout to wait out); after `cooldownMs` it lets one trial request
 * through (half-open): success closes it, failure opens it for another cool-down.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    readonly threshold: number,
    readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get currentState(): CircuitState {
    if (this.state === 'open' && this.now() - this.openedAt >= this.cooldownMs) return 'half-open';
    return this.state;
  }

  /** Whether a request may go out now (claims the single trial slot when half-open). */
  allowRequest(): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open') {
      if (this.now() - this.openedAt < this.cooldownMs) return false;
      this.state = 'half-open';
      this.trialInFlight = false;
    }
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Milliseconds until an open circuit lets a trial through. */
  retryInMs(): number {
    return Math.max(0, this.cooldownMs - (this.now() - this.openedAt));
  }

  recordSuccess(): void {
    this.state = 'closed';
    this.failures = 0;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.trialInFlight = false;
    if (this.state === 'half-open') {
      this.open();
      return;
    }
    this.failures++;
    if (this.failures >= this.threshold) this.open();
  }

  private open(): void {
    this.state = 'open';
    this.openedAt = this.now();
  }
}
