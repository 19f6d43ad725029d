/**
 * Telling a DNSSEC failure from a broken server (policies.md §9, the procedure internet.nl ships):
 * a question that SERVFAILs with validation on is asked again with CD=1 (validation off). If that
 * is answered, or the SERVFAIL carried an Extended DNS Error of the DNSSEC family (RFC 8914 codes
 * 1, 2, 5–12), the data is bogus: the result becomes a `bogus` failure naming the EDE. A SERVFAIL
 * that CD=1 does not cure stays what it was (its detail already names EDE 22/23 when given).
 *
 * Guards against caching artefacts: the CD=1 question is never asked first, and an EDE on the
 * CD=1 answer is never read as proof (Unbound attached EDE 6 to cached insecure answers when CD
 * was set, NLnetLabs/unbound#1293). A failover stack reaches this only when every configured
 * resolver failed the question, so a bogus result is confirmed on each of them.
 */
import type { LookupOptions, LookupResult, RecordType, Resolver } from '../dns/types.js';
import { dnssecOptions } from '../dns/types.js';
import { dnssecExtendedErrors } from '../dns/extended-errors.js';

export class BogusDetectingResolver implements Resolver {
  constructor(private readonly inner: Resolver) {}

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    const result = await this.inner.lookup(name, type, options);
    if (result.kind !== 'failed' || result.reason !== 'servfail' || options?.checkingDisabled === true) return result;
    const dnssecErrors = dnssecExtendedErrors(result);
    const passOn = { ...(options?.signal && { signal: options.signal }), ...(options?.deadline !== undefined && { deadline: options.deadline }), ...dnssecOptions(options) };
    const unchecked = dnssecErrors.length > 0 ? undefined : await this.inner.lookup(name, type, { ...passOn, checkingDisabled: true });
    if (dnssecErrors.length === 0 && unchecked?.kind === 'failed') return result;
    const why = dnssecErrors.length > 0 ? 'with a DNSSEC Extended DNS Error' : 'and the same question with validation off (CD=1) is answered';
    return { ...result, reason: 'bogus', detail: `DNSSEC validation fails: ${result.detail}, ${why}` };
  }
}
