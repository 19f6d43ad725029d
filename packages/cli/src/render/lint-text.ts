/**
 * Compiler-style text for `mx-doctor lint`: `file:line:col: severity id: message`, so editors and
 * CI logs link to the place. On a terminal, the source line and a caret under the range follow.
 */
import type { Finding } from '@mx-doctor/core';
import { SEVERITY_STYLE, type Painter } from '../color.js';

export interface LintTextOptions {
  readonly files: number;
  readonly readText: (path: string) => string | undefined;
  readonly paint: Painter;
  readonly showSource: boolean;
}

export function renderLintText(findings: readonly Finding[], options: LintTextOptions): string {
  const { paint } = options;
  const lines: string[] = [];
  for (const f of findings) {
    const where = f.range ? `${f.range.file}:${f.range.start.line + 1}:${f.range.start.character + 1}` : f.subject;
    lines.push(`${paint('bold', where)}: ${paint(SEVERITY_STYLE[f.severity], f.severity)} ${paint('bold', f.id)}: ${f.message}`);
    if (options.showSource && f.range) {
      const source = options.readText(f.range.file)?.split(/\r?\n/)[f.range.start.line];
      if (source !== undefined) {
        const start = f.range.start.character;
        const end = f.range.end.line === f.range.start.line ? Math.max(f.range.end.character, start + 1) : source.length;
        lines.push(`    ${source}`);
        lines.push(`    ${' '.repeat(start)}${paint(SEVERITY_STYLE[f.severity], '^'.repeat(Math.max(1, end - start)))}`);
      }
    }
    if (f.fix) lines.push(`    ${paint('dim', 'fix:')} ${f.fix}`);
  }
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const summary = `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info in ${options.files} file(s)`;
  lines.push(findings.length === 0 ? paint('green', `No problems found in ${options.files} file(s).`) : paint('bold', summary));
  return `${lines.join('\n')}\n`;
}
