/**
 * A one-line progress indicator on stderr while lookups run, so a slow resolver does not look
 * like a hung command. It wraps the resolver to count questions; only shown on a TTY.
 */
import { escapeControls, type LookupOptions, type LookupResult, type RecordType, type Resolver } from '@mx-doctor/core';

export class ProgressResolver implements Resolver {
  private asked = 0;
  private answered = 0;
  private label = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly inner: Resolver,
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    this.asked++;
    this.schedule();
    try {
      return await this.inner.lookup(name, type, options);
    } finally {
      this.answered++;
      this.schedule();
    }
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
