/**
 * DNS data in Markdown (the popup's "Copy report", the language server's hovers, the VS Code
 * report): anyone can publish any name or TXT record, so none of it may become a link, an image,
 * an autolink, HTML, emphasis, a heading or a table cell boundary when the Markdown is rendered.
 * Controls and bidi characters are shown as `\DDD` first (`escapeControls`), so a newline in a
 * record cannot start a new block either.
 */
import { escapeControls } from './escape-controls.js';

/**
 * The ASCII punctuation that can start or end Markdown syntax (CommonMark §2.4: any ASCII
 * punctuation may be backslash-escaped, and then stands for itself). `&` starts an entity
 * reference (§2.5) and `:` a URL scheme that a linkifying renderer (GFM autolinks, markdown-it
 * `linkify`) would turn into a link; `.` is escaped for the same reason (`evil.example` is a
 * link to those). No entity is needed: a backslash works for each of these outside code spans.
 */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+\-.!|<>~&:]/g;

/** Text for Markdown prose or a table cell: controls as `\DDD`, syntax characters backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return escapeControls(text).replace(MARKDOWN_SYNTAX, (char) => `\\${char}`);
}

export interface MarkdownCodeSpanOptions {
  /** The span stands in a GFM table cell: `|` must be written `\|` there, even inside code (GFM §4.10). */
  readonly tableCell?: boolean;
}

/**
 * Any text as one inline code span (CommonMark §6.1): the fence is one backtick longer than the
 * longest backtick run inside, so a backtick in the data cannot close it, and a space pads data
 * that starts or ends with a backtick or a space (the renderer strips one each side). Inside a
 * code span nothing is markup, so only controls are escaped.
 */
export function markdownCodeSpan(text: string, options: MarkdownCodeSpanOptions = {}): string {
  let body = escapeControls(text);
  if (options.tableCell === true) body = body.replace(/\|/g, '\\|');
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  if (body === '') return `${fence} ${fence}`; // an empty span is no span; one space is the nearest
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
