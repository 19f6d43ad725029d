/**
 * The server's `DomainReport` as Markdown *text* for a read-only editor: the core's one Markdown
 * report (the popup's "Copy report" is the same document, in the same words), reached through the
 * language server's `./markdown` export, which bundles nothing else. DNS data is
 * attacker-controlled (anyone can publish any TXT record), so the core puts values into code spans
 * or backslash-escapes them, and the document is shown as source, never rendered as HTML.
 */
import { reportMarkdown, type DomainReport } from '@mx-doctor/language-server/markdown';

export type { DomainReport };

/** Throws for a report whose verdict is not one of the four (the answer comes from another process). */
export function reportToMarkdown(report: DomainReport, checkedAt: Date = new Date()): string {
  return reportMarkdown(report, { checkedAt });
}
