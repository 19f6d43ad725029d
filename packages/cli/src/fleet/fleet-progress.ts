/**
 * The progress line of a fleet run on a terminal's stderr: done (of the total, when the list is a
 * file that could be counted first), rate, time left, and how many could not be checked so far.
 * Redrawn at most five times a second; `clear` before other output shares the terminal.
 */
import type { FleetSummary } from './fleet-summary.js';

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The line itself (pure, for tests). */
export function progressLine(state: { readonly done: number; readonly total?: number; readonly elapsedMs: number; readonly unchecked: number; readonly inFlight: number }): string {
  const rate = state.elapsedMs > 0 ? (state.done * 1000) / state.elapsedMs : 0;
  const parts = [state.total === undefined ? `${state.done} checked` : `${state.done}/${state.total} (${((100 * state.done) / Math.max(1, state.total)).toFixed(0)}%)`];
  parts.push(`${rate.toFixed(1)}/s`);
  if (state.total !== undefined && rate > 0) parts.push(`ETA ${formatDuration((state.total - state.done) / rate)}`);
  parts.push(`${state.inFlight} in flight`);
  if (state.unchecked > 0) parts.push(`${state.unchecked} could not be checked`);
  return parts.join(' · ');
}

export class FleetProgress {
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private shown = false;
  private last = { done: 0, unchecked: 0, inFlight: 0 };

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly total: number | undefined,
    /** Reports that were already done (`--resume`): not counted in the rate. */
    private readonly before: number,
  ) {}

  update(summary: FleetSummary, inFlight: number): void {
    this.last = { done: summary.checked, unchecked: summary.couldNotCheck, inFlight };
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.draw();
    }, 200);
    this.timer.unref();
  }

  private draw(): void {
    const done = this.last.done;
    const line = progressLine({
      done: done - this.before,
      ...(this.total !== undefined && { total: this.total }),
      elapsedMs: Date.now() - this.startedAt,
      unchecked: this.last.unchecked,
      inFlight: this.last.inFlight,
    });
    this.stream.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }

  /** Removes the line (before other output to the same terminal, and at the end). */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.clear();
  }
}
