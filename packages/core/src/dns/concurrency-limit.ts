/**
 * At most `max` tasks at a time; the rest wait in arrival order. One limit per DoH endpoint, so a
 * check of a domain with many MX hosts (or many checks at once) never opens more than `max`
 * connections to one resolver. A waiter whose signal fires leaves the queue at once.
 */
interface Waiter {
  /** Set once it got a slot or gave up. */
  settled: boolean;
  readonly wake: () => void;
}

export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private head = 0;

  constructor(readonly max: number) {
    if (!(Number.isInteger(max) && max >= 1)) throw new Error(`Invalid concurrency limit ${max}: must be a whole number of at least 1`);
  }

  /**
   * Wait for a slot: resolves with the function that frees it (call it once; more calls do
   * nothing), or with `undefined` when `signal` fires first (nothing to free then).
   */
  acquire(signal?: AbortSignal): Promise<(() => void) | undefined> {
    if (signal?.aborted) return Promise.resolve(undefined);
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      const onAbort = (): void => {
        if (waiter.settled) return;
        waiter.settled = true; // stays in the queue, skipped when its turn comes
        resolve(undefined);
      };
      const waiter: Waiter = {
        settled: false,
        wake: () => {
          waiter.settled = true;
          signal?.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
      };
      this.waiting.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.handOn();
    };
  }

  /** Give the freed slot to the next waiter that still waits, or give it back. */
  private handOn(): void {
    while (this.head < this.waiting.length) {
      const waiter = this.waiting[this.head]!;
      this.head++;
      if (this.head >= 1024 && this.head * 2 >= this.waiting.length) {
        this.waiting.splice(0, this.head);
        this.head = 0;
      }
      if (!waiter.settled) {
        waiter.wake();
        return;
      }
    }
    this.active--;
  }
}
