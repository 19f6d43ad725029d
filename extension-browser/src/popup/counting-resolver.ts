/**
 * Wraps the resolver the check uses and counts lookups asked and answered, so the loading state
 * can show real progress ("9 of 14 lookups answered") instead of a spinner that says nothing.
 */
import type { LookupOptions, LookupResult, RecordType, Resolver } from '@mx-doctor/core';

export interface LookupProgress {
  readonly asked: number;
  readonly answered: number;
}

export class CountingResolver implements Resolver {
  private asked = 0;
  private answered = 0;

  constructor(
    private readonly inner: Resolver,
    private readonly onProgress: (progress: LookupProgress) => void,
  ) {}

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    this.asked += 1;
    this.report();
    try {
      return await this.inner.lookup(name, type, options);
    } finally {
      this.answered += 1;
      this.report();
    }
  }

  get progress(): LookupProgress {
    return { asked: this.asked, answered: this.answered };
  }

  private report(): void {
    this.onProgress(this.progress);
  }
}
