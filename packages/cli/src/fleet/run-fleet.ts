/**
 * A fleet run: domains from a source, at most `concurrency` in flight (fewer while the resolvers
 * struggle, see adaptive-concurrency.ts), each report handed to the sink the moment it is done, so
 * memory holds the reports in flight and nothing else. The source is pulled only when a slot is
 * free, so a list of millions is read as it is checked. An interrupt stops new domains at once;
 * reports of domains still in flight are dropped (a resumed run checks them), never half-written.
 *
 * When `giveUpAfter` domains in a row could not be checked for want of a resolver, the run stops taking new
 * domains (those in flight are still written): with the resolver gone, every further domain would
 * only wait out its timeouts and be reported "could not check". `--resume` checks those again.
 */
import type { DomainReport } from '@mx-doctor/core';
import { AdaptiveConcurrency } from './adaptive-concurrency.js';
import type { SourceItem } from './domain-source.js';
import { FleetSummary } from './fleet-summary.js';

export interface CheckedDomain {
  readonly report: DomainReport;
  /** Whether the resolvers failed (not the domain): the run then keeps fewer domains in flight. */
  readonly resolverTrouble: boolean;
  /** The domain could not be checked because no resolver was there (not because of the domain itself). */
  readonly resolverUnreachable?: boolean;
  /** Evidence for the message when the run gives up. */
  readonly unreachableDetail?: string;
}

export interface FleetRunOptions {
  readonly source: AsyncIterable<SourceItem>;
  readonly check: (domain: string, input: string) => Promise<CheckedDomain>;
  /** Writes one report; resolves when the output can take more (back-pressure). */
  readonly write: (report: DomainReport) => Promise<void>;
  readonly invalid: (item: SourceItem & { kind: 'invalid' }) => void;
  readonly concurrency: number;
  readonly interrupt?: AbortSignal;
  /** Counts carried over (`--resume`'s earlier reports). */
  readonly summary?: FleetSummary;
  /** Stop taking new domains after this many in a row found no resolver answering (default: never). */
  readonly giveUpAfter?: number;
  /** Called after every report, for a progress display. */
  readonly progress?: (summary: FleetSummary, inFlight: number) => void;
}

export interface FleetRunResult {
  readonly summary: FleetSummary;
  readonly interrupted: boolean;
  /** Warnings in the reports written this run (for `--max-warnings`). */
  readonly warnings: number;
  /** Set when the run stopped early because no resolver answered `giveUpAfter` domains in a row. */
  readonly gaveUp?: { readonly after: number; readonly detail: string };
}

export async function runFleet(options: FleetRunOptions): Promise<FleetRunResult> {
  const summary = options.summary ?? new FleetSummary();
  const limiter = new AdaptiveConcurrency(options.concurrency);
  const iterator = options.source[Symbol.asyncIterator]();
  const inFlight = new Set<Promise<void>>();
  // One waiter at a time, woken when a domain finishes or the run is interrupted. (Racing the
  // in-flight set with an interrupt promise would leave a reaction on that promise per domain.)
  let wake: () => void = () => {};
  const nextWake = () => new Promise<void>((resolve) => (wake = resolve));
  const onInterrupt = (): void => wake();
  options.interrupt?.addEventListener('abort', onInterrupt, { once: true });
  const stopped = (): boolean => options.interrupt?.aborted === true;
  let warnings = 0;
  let exhausted = false;
  let unreachableStreak = 0;
  let gaveUp: FleetRunResult['gaveUp'];
  /** A check that threw (a bug of ours): the run stops and the error goes up. */
  let failure: { error: unknown } | undefined;

  const start = (domain: string, input: string): void => {
    const round = limiter.started();
    const task = (async () => {
      const { report, resolverTrouble, resolverUnreachable, unreachableDetail } = await options.check(domain, input);
      if (stopped()) return;
      limiter.finished(round, resolverTrouble);
      unreachableStreak = resolverUnreachable === true ? unreachableStreak + 1 : 0;
      if (options.giveUpAfter !== undefined && unreachableStreak >= options.giveUpAfter && gaveUp === undefined) {
        gaveUp = { after: unreachableStreak, detail: unreachableDetail ?? 'no resolver answered' };
      }
      summary.add(report);
      for (const finding of report.findings) if (finding.severity === 'warning') warnings++;
      await options.write(report);
      options.progress?.(summary, inFlight.size - 1);
    })();
    inFlight.add(task);
    task.then(
      () => {
        inFlight.delete(task);
        wake();
      },
      (error: unknown) => {
        inFlight.delete(task);
        failure ??= { error };
        wake();
      },
    );
  };

  try {
    while (!stopped() && failure === undefined) {
      while (!exhausted && !stopped() && gaveUp === undefined && inFlight.size < limiter.limit) {
        const next = await iterator.next();
        if (next.done === true) {
          exhausted = true;
          break;
        }
        const item = next.value;
        if (item.kind === 'invalid') {
          summary.invalidInputs++;
          options.invalid(item);
          continue;
        }
        start(item.domain, item.input);
      }
      if (inFlight.size === 0) break;
      const woken = nextWake();
      if (stopped() || failure !== undefined) break;
      await woken;
    }
  } finally {
    options.interrupt?.removeEventListener('abort', onInterrupt);
    if (!exhausted) await iterator.return?.(undefined);
  }
  if (failure !== undefined) throw failure.error;
  return { summary, interrupted: stopped(), warnings, ...(gaveUp && { gaveUp }) };
}
