/**
 * A one-line progress indicator on stderr while lookups run, so a slow resolver does not look
 * like a hung command. It wraps the resolver to count questions; only shown on a TTY.
 */
import { escapeControls, type LookupOptions, type LookupResult, type RecordType, type Resolver } from '@mx-doctor/core';

/** Failures where no resolver was reached at all (no connection, or no answer in time). */
const UNREACHED: ReadonlySet<LookupResult & { kind: 'failed' } extends { reason: infer R } ? R : never> = new Set(['network', 'timeout']);

export class ProgressResolver implements Resolver {
  private asked = 0;
  private answered = 0;
  private label = '';
  private timer: NodeJS.Timeout | undefined;
  /** Whether any lookup got past the network (an answer, NXDOMAIN, or a failure the resolver sent). */
  private reachedAny = false;
  /** The first failure of a lookup that reached no resolver: what the text output says once. */
  private firstUnreachable: string | undefined;

  constructor(
    private readonly inner: Resolver,
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    this.asked++;
    this.schedule();
    try {
      const result = await this.inner.lookup(name, type, options);
      if (result.kind === 'failed' && UNREACHED.has(result.reason)) this.firstUnreachable ??= result.detail;
      else this.reachedAny = true;
      return result;
    } finally {
      this.answered++;
      this.schedule();
    }
  }

  /** The first network failure, when every lookup so far failed without reaching a resolver. */
  noResolverReached(): string | undefined {
    return this.reachedAny ? undefined : this.firstUnreachable;
  }

  start(label: string): void {
    this.label = escapeControls(label);
    this.asked = 0;
    this.answered = 0;
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.enabled) this.stream.write('\r\x1b[2K');
  }

  private schedule(): void {
    if (!this.enabled || this.timer) return;
    // Redraw at most every 80 ms: enough to look alive, cheap enough not to matter.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.stream.write(`\r\x1b[2KChecking ${this.label}… ${this.answered}/${this.asked} lookups answered`);
    }, 80);
  }
}
