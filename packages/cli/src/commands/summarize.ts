/**
 * `mx-doctor summarize OUT.jsonl…`: the summary of one or more fleet runs' JSONL (shards merged: a
 * domain reported twice counts once, its last report wins), as text, JSON or one HTML page.
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { escapeControls } from '@mx-doctor/core';
import type { Io } from '../io.js';
import { FleetSummary, renderSummaryText, type SummarisedReport } from '../fleet/fleet-summary.js';
import { boundedLines } from '../fleet/line-reader.js';
import { MAX_REPORT_LINE, reportFromLine } from '../fleet/resume.js';
import { renderSummaryHtml } from '../render/summary-html.js';
import { USAGE, UsageError } from '../usage.js';
import { usageErrors } from './common-options.js';

export const SUMMARIZE_FORMATS = ['text', 'json', 'html'] as const;

export const SUMMARIZE_OPTIONS = {
  format: { type: 'string', short: 'f' },
  title: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Keeps, per domain, the little a summary needs of its last report (not the whole report). */
type Kept = SummarisedReport;

export async function runSummarize(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = usageErrors(() => parseArgs({ args: [...args], allowPositionals: true, options: SUMMARIZE_OPTIONS }));
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!(SUMMARIZE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be text, json or html, not "${format}"`);
  if (positionals.length === 0) throw new UsageError('summarize needs one or more JSONL files (from check --format jsonl)');

  // Shards and resumed runs may repeat a domain: the last report of each wins.
  const byDomain = new Map<string, Kept>();
  let unreadable = 0;
  let notReports = 0;
  for (const file of positionals) {
    try {
      const stream = file === '-' ? io.stdin ?? process.stdin : createReadStream(file);
      for await (const line of boundedLines(stream as NodeJS.ReadableStream & import('node:stream').Readable, MAX_REPORT_LINE)) {
        if ('tooLong' in line || line.text.trim() === '') {
          if ('tooLong' in line) notReports++;
          continue;
        }
        const report = reportFromLine(line.text);
        if (!report) {
          if (notReports++ < 10) io.stderr.write(`mx-doctor: ${escapeControls(file)}:${line.number}: not a report (skipped)\n`);
          continue;
        }
        byDomain.delete(report.domain);
        byDomain.set(report.domain, { domain: report.domain, verdict: report.verdict, findings: report.findings.map(({ id, severity }) => ({ id, severity })) });
      }
    } catch (error) {
      unreadable++;
      io.stderr.write(`mx-doctor: ${escapeControls(file)}: ${escapeControls((error as Error).message)}\n`);
    }
  }
  const summary = new FleetSummary();
  for (const report of byDomain.values()) summary.add(report);
  const data = summary.data();
  if (format === 'json') io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else if (format === 'html') io.stdout.write(renderSummaryHtml(data, { ...(values.title !== undefined && { title: values.title }), sources: positionals }));
  else io.stdout.write(renderSummaryText(data));
  if (notReports > 10) io.stderr.write(`mx-doctor: ${notReports} lines were not reports\n`);
  return unreadable > 0 ? 2 : 0;
}
