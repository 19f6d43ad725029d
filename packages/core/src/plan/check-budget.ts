/**
 * One check's time budget. Every question of the plan goes through `BudgetedResolver`, which
 * hands the resolver stack the check's deadline (so no Retry-After wait or queue reaches past
 * it) and cancels what is still open when it passes. A question cut off by the budget is a
 * failed lookup that says so (rule zero: "ran out of time" is never "no records").
 */
import { describeQuestion } from '../dns/question-text.js';
import { dnssecOptions, normalizeName, type LookupOptions, type LookupResult, type RecordType, type Resolver } from '../dns/types.js';

/** Long enough for a slow resolver and a few retries; short enough that a person is not left waiting. */
export const DEFAULT_CHECK_BUDGET_MS = 60_000;

export class BudgetedResolver implements Resolver {
  readonly deadline: number;
  /** One controller per open question, aborted when the budget ends: no listener piles up on a shared signal. */
  private readonly open = new Set<AbortController>();
  private expired = false;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly inner: Resolver,
    readonly budgetMs: number,
  ) {
    if (!(budgetMs > 0)) throw new Error(`Invalid check budget ${budgetMs}: must be a positive number of milliseconds`);
    this.deadline = Date.now() + budgetMs;
    this.timer = setTimeout(() => {
      this.expired = true;
      for (const controller of this.open) controller.abort();
    }, budgetMs);
  }

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    const question = { name: normalizeName(name), type };
    const outOfTime = (): LookupResult => ({
      kind: 'failed',
      question,
      reason: 'timeout',
      detail: `the check's time budget of ${this.budgetMs} ms ran out before ${describeQuestion(question)} was answered`,
    });
    if (this.expired) return outOfTime();
    const own = new AbortController();
    this.open.add(own);
    const signal = options?.signal === undefined ? own.signal : AbortSignal.any([options.signal, own.signal]);
    const deadline = Math.min(this.deadline, options?.deadline ?? Infinity);
    try {
      const result = await this.inner.lookup(name, type, { signal, deadline, ...dnssecOptions(options) });
      if (result.kind === 'failed' && result.reason === 'aborted' && own.signal.aborted && !options?.signal?.aborted) return outOfTime();
      return result;
    } finally {
      this.open.delete(own);
    }
  }

  /** Ends the budget's timer (the check is done). */
  close(): void {
    clearTimeout(this.timer);
  }
}
