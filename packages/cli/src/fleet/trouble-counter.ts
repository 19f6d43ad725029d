/**
 * Counts one domain's lookups that failed for the resolver's sake (no answer in time, connection
 * refused, HTTP errors, SERVFAIL…), as opposed to answers about the domain: the fleet run backs
 * off on those. Also ties every lookup to the run's interrupt, so Ctrl-C ends the checks in flight
 * at once instead of after their timeouts.
 *
 * The interrupt is linked to each lookup by a listener removed when the lookup ends, not with
 * `AbortSignal.any`: on Node 20 every `any` over the run-long interrupt signal stayed referenced
 * from it, and a 10,000-domain run (140,000 lookups) grew by tens of megabytes (BENCHMARKS.md, bulk).
 */
import type { FailureReason, LookupOptions, LookupResult, RecordType, Resolver } from '@mx-doctor/core';

const RESOLVER_TROUBLE: ReadonlySet<FailureReason> = new Set<FailureReason>(['timeout', 'network', 'servfail', 'refused', 'http-status']);
/** Failures that say the resolver itself is not there for us (SERVFAIL is often one domain's own fault). */
const RESOLVER_UNREACHABLE: ReadonlySet<FailureReason> = new Set<FailureReason>(['timeout', 'network', 'refused', 'http-status']);

export class TroubleCounter implements Resolver {
  trouble = 0;
  /** Lookups that failed because no resolver was there for us (not SERVFAIL: often one domain's own fault). */
  unreachable = 0;
  /** The last "resolver not there" failure's evidence, for the message when the run gives up. */
  lastUnreachable: string | undefined;

  constructor(
    private readonly inner: Resolver,
    private readonly interrupt?: AbortSignal,
  ) {}

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    const interrupt = this.interrupt;
    const callerSignal = options?.signal;
    let result: LookupResult;
    if (interrupt === undefined) {
      result = await this.inner.lookup(name, type, options);
    } else {
      const linked = new AbortController();
      const abort = (): void => linked.abort();
      if (interrupt.aborted || callerSignal?.aborted) linked.abort();
      interrupt.addEventListener('abort', abort, { once: true });
      callerSignal?.addEventListener('abort', abort, { once: true });
      try {
        result = await this.inner.lookup(name, type, { ...options, signal: linked.signal });
      } finally {
        interrupt.removeEventListener('abort', abort);
        callerSignal?.removeEventListener('abort', abort);
      }
    }
    if (result.kind === 'failed') {
      if (RESOLVER_TROUBLE.has(result.reason)) this.trouble++;
      if (RESOLVER_UNREACHABLE.has(result.reason)) {
        this.unreachable++;
        this.lastUnreachable = result.detail;
      }
    }
    return result;
  }
}
