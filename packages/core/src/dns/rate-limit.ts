/**
 * A request budget per resolver (`--qps`): at most `perSecond` questions a second reach the
 * resolver, after a burst of as many, so a fleet check stays polite to a public resolver however
 * many domains are in flight. Questions wait their turn in arrival order (GCRA, the "virtual
 * scheduling" form of a token bucket: each question gets the next free slot). A question whose
 * slot would come after its deadline does not wait: it fails at once as a `timeout` of the budget,
 * never as an answer (rule zero), and gives its slot back to nobody (slots are only taken when used).
 */
import type { LookupOptions, LookupResult, RecordType, Resolver } from './types.js';
import { normalizeName } from './types.js';

export interface RateLimitOptions {
  /** Questions per second that may reach the resolver, after a burst of as many. */
  readonly perSecond: number;
  /** The clock, ms (default `Date.now`); tests run on their own. */
  readonly now?: () => number;
  /** Waits `ms` unless `signal` fires first (default a timer). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export class RateLimitedResolver implements Resolver {
  readonly #inner: Resolver;
  readonly #interval: number;
  readonly #tolerance: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The theoretical arrival time of the next question: when its slot is free. */
  #next = Number.NEGATIVE_INFINITY;

  constructor(inner: Resolver, options: RateLimitOptions) {
    const { perSecond } = options;
    if (!(Number.isFinite(perSecond) && perSecond > 0)) throw new Error(`Invalid request budget ${perSecond}: must be a number of questions per second above 0`);
    this.#inner = inner;
    this.#interval = 1000 / perSecond;
    // A burst of `perSecond` questions: that many slots may be taken ahead of time.
    this.#tolerance = this.#interval * (Math.max(1, Math.floor(perSecond)) - 1);
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? timerSleep;
  }

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    const now = this.#now();
    const slot = Math.max(this.#next, now);
    const wait = slot - this.#tolerance - now;
    if (wait > 0 && options?.deadline !== undefined && now + wait > options.deadline) {
      const perSecond = Math.round(1000 / this.#interval);
      return { kind: 'failed', question: { name: normalizeName(name), type }, reason: 'timeout', detail: `the request budget (${perSecond} a second) had no slot for it before the check's time ran out` };
    }
    this.#next = slot + this.#interval;
    if (wait > 0) await this.#sleep(wait, options?.signal);
    return this.#inner.lookup(name, type, options);
  }
}
