/**
 * `--resume OUT.jsonl`: what an earlier run (stopped by Ctrl-C, a kill, a lost machine) already
 * wrote. Every complete line's domain counts as done; a last line without its newline is what a
 * kill cut short, so it is cut off the file before new reports are appended after it. A line that
 * is not a report (edited by hand, from elsewhere) is reported and its domain checked again.
 * A domain whose report is incomplete ("could not check", or a `lookup-failed` finding: the
 * resolver was down, the run gave up) is checked again too; its new report is appended
 * (`summarize` takes a domain's last report).
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { boundedLines } from './line-reader.js';
import { FleetSummary, type SummarisedReport } from './fleet-summary.js';

/** Longest JSONL line read back: a report of 32 MX hosts with every finding is far below this. */
export const MAX_REPORT_LINE = 16 * 1024 * 1024;

export interface ResumeState {
  readonly done: Set<string>;
  /** The earlier reports' counts, so the final summary covers the whole file. */
  readonly summary: FleetSummary;
  /** Lines that were not reports, with where they are. */
  readonly skipped: readonly string[];
  /** Bytes of a cut-short last line removed from the file (0 when it ended cleanly). */
  readonly truncatedBytes: number;
}

/** A JSONL line as a report, or `undefined`. */
export function reportFromLine(text: string): SummarisedReport | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { domain, verdict, findings } = value as Record<string, unknown>;
  if (typeof domain !== 'string' || typeof verdict !== 'string' || !Array.isArray(findings)) return undefined;
  const valid = findings.every((f) => typeof f === 'object' && f !== null && typeof (f as { id?: unknown }).id === 'string' && typeof (f as { severity?: unknown }).severity === 'string');
  return valid ? { domain, verdict, findings: findings as SummarisedReport['findings'] } : undefined;
}

/** A report some of whose answers never came: a resumed run checks its domain again. */
export function incomplete(report: SummarisedReport): boolean {
  return report.verdict === 'could-not-check' || report.findings.some((finding) => finding.id === 'lookup-failed');
}

/** Cuts a last line without a newline off `path`; returns how many bytes went. */
async function dropCutShortLine(path: string): Promise<number> {
  const handle = await open(path, 'r+');
  try {
    const { size } = await handle.stat();
    if (size === 0) return 0;
    const block = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const from = Math.max(0, end - block.length);
      const { bytesRead } = await handle.read(block, 0, end - from, from);
      const newline = block.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline !== -1) {
        const keep = from + newline + 1;
        if (keep < size) await handle.truncate(keep);
        return size - keep;
      }
      end = from;
    }
    await handle.truncate(0);
    return size;
  } finally {
    await handle.close();
  }
}

/** Reads `path` (a missing file is an empty one: the first run of a resumable job). */
export async function readResumeFile(path: string): Promise<ResumeState> {
  const done = new Set<string>();
  const summary = new FleetSummary();
  const skipped: string[] = [];
  let exists = true;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`--resume ${path}: not a regular file`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    exists = false;
  }
  if (!exists) return { done, summary, skipped, truncatedBytes: 0 };
  const truncatedBytes = await dropCutShortLine(path);
  for await (const line of boundedLines(createReadStream(path), MAX_REPORT_LINE)) {
    if ('tooLong' in line) {
      skipped.push(`${path}:${line.number}: line too long`);
      continue;
    }
    if (line.text.trim() === '') continue;
    const report = reportFromLine(line.text);
    if (!report) {
      skipped.push(`${path}:${line.number}: not a report`);
      continue;
    }
    // Not done: checked again, its new report appended (a later complete line makes it done).
    if (incomplete(report)) continue;
    if (done.has(report.domain)) continue;
    done.add(report.domain);
    summary.add(report);
  }
  return { done, summary, skipped, truncatedBytes };
}
