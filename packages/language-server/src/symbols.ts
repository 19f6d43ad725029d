/** Document symbols: the file's records as an outline, owner → "TYPE data" children. */
import { tableOf, type FileRecord, type ReadResult, type SourceRange } from '@mx-doctor/core';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { toLspRange } from './diagnostics.js';

/** Outlines longer than this are cut (a 100,000-record zone is no outline anyone reads). */
const MAX_RECORDS = 20_000;

export function documentSymbols(read: ReadResult, file: string): DocumentSymbol[] {
  const byOwner = new Map<string, FileRecord[]>();
  const table = tableOf(read);
  let count = 0;
  for (let i = 0; i < table.size; i++) {
    if (table.file(i) !== file) continue;
    if (++count > MAX_RECORDS) break;
    const record = table.record(i);
    const list = byOwner.get(record.owner);
    if (list) list.push(record);
    else byOwner.set(record.owner, [record]);
  }
  const symbols: DocumentSymbol[] = [];
  for (const [owner, records] of byOwner) {
    const children = records.map(
      (record): DocumentSymbol => ({
        name: record.type,
        detail: record.rdata.map((field) => (/\s/.test(field.text) || record.type === 'TXT' ? JSON.stringify(field.text) : field.text)).join(' '),
        kind: record.type === 'MX' ? SymbolKind.Event : record.type === 'TXT' ? SymbolKind.String : SymbolKind.Field,
        range: toLspRange(record.range),
        selectionRange: toLspRange(within(record.typeRange, record.range)),
      }),
    );
    const first = records[0]!.range;
    let end = records[0]!.range.end;
    for (const record of records) {
      const e = record.range.end;
      if (e.line > end.line || (e.line === end.line && e.character > end.character)) end = e;
    }
    symbols.push({
      name: owner === '' ? '.' : owner,
      kind: SymbolKind.Namespace,
      range: { start: { ...first.start }, end: { ...end } },
      selectionRange: toLspRange(within(records[0]!.ownerRange, first)),
      children,
    });
  }
  return symbols;
}

/** `inner` when it lies inside `outer` (LSP requires it of a selection range), else `outer`. */
function within(inner: SourceRange | undefined, outer: SourceRange): SourceRange {
  if (!inner || inner.file !== outer.file) return outer;
  const before = (a: SourceRange['start'], b: SourceRange['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end) ? inner : outer;
}
