/**
 * Compiler-style text for `mx-doctor lint`: `file:line:col: severity id: message`, so editors and
 * CI logs link to the place. On a terminal, the source line and a caret under the range follow.
 * File names, messages and source lines are file-derived text: each goes through `escapeControls`
 * here, at output time, so a raw ESC or CR in a zone file cannot drive the terminal.
 */
import { escapeControls as shown, type Finding } from '@mx-doctor/core';
import { SEVERITY_STYLE, type Painter } from '../color.js';

export interface LintTextOptions {
  readonly files: number;
  readonly readText: (path: string) => string | undefined;
  readonly paint: Painter;
  readonly showSource: boolean;
  /** All the findings, when `findings` are only the errors (`--quiet`): the summary counts these. */
  readonly beforeQuiet?: readonly Finding[];
}

export function renderLintText(findings: readonly Finding[], options: LintTextOptions): string {
  const { paint } = options;
  const lines: string[] = [];
  for (const f of findings) {
    const where = f.range ? `${f.range.file}:${f.range.start.line + 1}:${f.range.start.character + 1}` : f.subject;
    lines.push(`${paint('bold', shown(where))}: ${paint(SEVERITY_STYLE[f.severity], f.severity)} ${paint('bold', f.id)}: ${shown(f.message)}`);
    if (options.showSource && f.range) {
      // Lines end as the zone reader ends them (and LSP counts them): `\n`, `\r\n` or a lone `\r`.
      const source = options.readText(f.range.file)?.split(/\r\n|\r|\n/)[f.range.start.line];
      if (source !== undefined) {
        const start = Math.min(f.range.start.character, source.length);
        const end = f.range.end.line === f.range.start.line ? Math.max(f.range.end.character, start + 1) : source.length;
        lines.push(`    ${showSourceLine(source)}`);
        lines.push(`    ${caretPrefix(source, start)}${paint(SEVERITY_STYLE[f.severity], '^'.repeat(Math.max(1, shownWidth(source, start, end))))}`);
      }
    }
    if (f.fix) lines.push(`    ${paint('dim', 'fix:')} ${shown(f.fix)}`);
  }
  const counted = options.beforeQuiet ?? findings;
  const count = (severity: string) => counted.filter((f) => f.severity === severity).length;
  const quietNote = options.beforeQuiet ? ' (errors only shown: --quiet)' : '';
  const summary = `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info in ${options.files} file(s)${quietNote}`;
  lines.push(counted.length === 0 ? paint('green', `No problems found in ${options.files} file(s).`) : paint('bold', summary));
  return `${lines.join('\n')}\n`;
}

/** A source line as shown: controls escaped, tabs kept (indentation; the caret line copies them to stay aligned). */
function showSourceLine(source: string): string {
  return shown(source, { keepTabs: true });
}

/**
 * The escaped text of `source` from `from` on. An escape depends only on its character and the next
 * one, so this is exactly the tail of the escaped whole line: prefix and range widths follow from it.
 */
function shownFrom(source: string, from: number): string {
  return showSourceLine(source.slice(from));
}

/** Blanks as wide as the escaped text before `start`, with the line's tabs where it has them. */
function caretPrefix(source: string, start: number): string {
  const whole = showSourceLine(source);
  return whole.slice(0, whole.length - shownFrom(source, start).length).replace(/[^\t]/g, ' ');
}

/** How wide `source[start, end)` is once escaped. */
function shownWidth(source: string, start: number, end: number): number {
  return shownFrom(source, start).length - shownFrom(source, Math.min(end, source.length)).length;
}
