/**
 * Counts one domain's lookups that failed for the resolver's sake (no answer in time, connection
 * refused, HTTP errors, SERVFAIL…), as opposed to answers about the domain: the fleet run backs
 * off on those. Also ties every lookup to the run's interrupt, so Ctrl-C ends the checks in flight
 * at once instead of after their timeouts.
 */
import type { FailureReason, LookupOptions, LookupResult, RecordType, Resolver } from '@mx-doctor/core';

const RESOLVER_TROUBLE: ReadonlySet<FailureReason> = new Set<FailureReason>(['timeout', 'network', 'servfail', 'refused', 'http-status']);

export class TroubleCounter implements Resolver {
  trouble = 0;

  constructor(
    private readonly inner: Resolver,
    private readonly interrupt?: AbortSignal,
  ) {}

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    const signal = this.interrupt === undefined ? options?.signal : options?.signal === undefined ? this.interrupt : AbortSignal.any([options.signal, this.interrupt]);
    const result = await this.inner.lookup(name, type, { ...options, ...(signal && { signal }) });
    if (result.kind === 'failed' && RESOLVER_TROUBLE.has(result.reason)) this.trouble++;
    return result;
  }
}
