/**
 * `@mx-doctor/core/report`: showing a report to people (the vocabulary, the Markdown report, the
 * escapers), without the DNS client or the checks, for bundles that only render: the VS Code
 * extension's client, the popup's background page.
 */
export type { DomainReport, MxTableAddress, MxTableRow, Verdict } from '../plan/report.js';
export { escapeControls, type EscapeControlsOptions } from './escape-controls.js';
export { escapeMarkdown, markdownCodeSpan, type MarkdownCodeSpanOptions } from './markdown-text.js';
export { reportMarkdown, type ReportMarkdownOptions } from './report-markdown.js';
export {
  DMARC_POLICY_WORDS,
  FINDING_FIELD_LABEL,
  REPORT_WORDS,
  SPF_QUALIFIER_WORDS,
  VERDICTS,
  mxRankText,
  mxStatusText,
  severityCounts,
  severityLabel,
  verdictText,
  type RankedMx,
  type VerdictWords,
} from './vocabulary.js';
