/**
 * Markdown helpers for hovers (and, through the `./markdown` export, the VS Code report): DNS data
 * goes into code spans or is escaped by the core's one Markdown escaper, never passed through.
 * The report itself is the core's `reportMarkdown` (the popup's "Copy report" is the same
 * document); `@mx-doctor/core/report` holds only the vocabulary and the escapers, so the VS Code
 * client bundles no DNS client.
 */
import { escapeMarkdown, markdownCodeSpan, reportMarkdown, verdictText, VERDICTS, type ReportMarkdownOptions } from '@mx-doctor/core/report';

// verdictText and VERDICTS: the VS Code status bar names the last verdict in the report's words.
export { escapeMarkdown, markdownCodeSpan, reportMarkdown, verdictText, VERDICTS, type ReportMarkdownOptions };
export type { DomainReport, Verdict } from '@mx-doctor/core/report';

/** Seconds in words: 3600 → "1 hour", 172800 → "2 days", 5400 → "1 hour 30 minutes". */
export function durationInWords(seconds: number): string {
  if (seconds === 0) return '0 seconds';
  const units: [number, string][] = [
    [604800, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count === 0) continue;
    parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
    rest -= count * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
