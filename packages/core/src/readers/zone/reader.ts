/**
 * `readZone`: a DNS master file (RFC 1035 §5, RFC 2308 §4, BIND's `$GENERATE`) into
 * `FileRecord`s that remember where every field was written, plus `syntax` findings for what
 * cannot be read (reading goes on with the next record).
 *
 * Hand-written on purpose: no zone-file library keeps the positions the language server needs.
 * Core code: no Node APIs and no I/O (`$INCLUDE` goes through `options.readInclude`). It never
 * throws and runs in time linear in the input (the lexer is one pass over char codes; `$GENERATE`
 * output is capped).
 */
import { finding } from '../../findings/finding.js';
import type { ReadResult } from '../../facts/read-result.js';
import { isDirective, readDirective } from './directives.js';
import { forEachEntry } from './entries.js';
import { lexZone } from './lexer.js';
import type { ZoneTable } from './zone-table.js';
import { settleOrigin } from './origin.js';
import { fileStart, tokenRange } from './ranges.js';
import { readRecord } from './records.js';
import { ZoneState, type FileContext, type ReadZoneOptions } from './state.js';
import { LineIndex } from './zone-record.js';
import { syntaxCheck } from '../../checks/file/syntax.js';

export function readZone(text: string, options: ReadZoneOptions): ReadResult {
  const buffers = options.buffers;
  const ownScratch = buffers === undefined || buffers.inUse ? undefined : buffers;
  if (ownScratch) ownScratch.inUse = true;
  const st = new ZoneState(options, ownScratch?.columns);
  let zoneOrigin: string | undefined;
  try {
    const tokens = lexZone(typeof text === 'string' ? text : String(text), ownScratch?.lex);
    // A record takes at least a line and has at least a type token besides its fields.
    st.table.reserve(tokens.lineCount + 16, Math.max(0, tokens.count - tokens.lineCount) + 16);
    const settled = settleOrigin(st, tokens);
    st.origin = settled.initial;
    zoneOrigin = settled.zone?.text;
    readFile(st, { file: options.file, tokens, lines: new LineIndex(options.file, tokens.lineStarts, tokens.lineCount), depth: 0, chain: [options.file] });
  } catch (error) {
    // A bug here must not take the editor or the CLI down: report it where it will be seen.
    st.findings.push(
      finding(syntaxCheck, {
        message: `The zone reader failed (${error instanceof Error ? error.message : String(error)}); records after the failure were not read.`,
        subject: options.file,
        range: fileStart(options.file),
      }),
    );
  }
  let table: ZoneTable;
  try {
    table = st.table.seal();
  } finally {
    if (ownScratch) ownScratch.inUse = false;
  }
  return {
    get records() {
      return table.records();
    },
    table,
    findings: st.findings,
    ...(zoneOrigin !== undefined && { origin: zoneOrigin }),
  };
}

function readFile(st: ZoneState, fx: FileContext): void {
  forEachEntry(fx.tokens, {
    entry: (entry) => {
      if (isDirective(fx, entry)) readDirective(st, fx, entry, readFile);
      else readRecord(st, fx, entry);
    },
    error: (token, message) => st.syntax(tokenRange(fx.tokens, fx.file, token), message),
  });
}
