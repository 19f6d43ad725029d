/**
 * `spf-syntax`: a term of an SPF record does not parse (RFC 7208 §4.6.1, §5, §6, §7). Receivers
 * return permerror for the whole record. Reported for the domain's record and for every record it
 * includes or redirects to; the subject is the domain whose record is bad. One finding per fault,
 * each naming the term, why, and its character offset in the record.
 */
import type { SourceRange } from '../../findings/finding.js';
import { finding, type Finding } from '../../findings/finding.js';
import { parseSpf } from './parse-spf.js';
import { spfNodes, type SpfFacts } from './spf-facts.js';
import { clip } from './spf-records.js';
import type { ParsedSpf } from './spf-term.js';
import { defineCheck, type FileSpfRecord } from '../check.js';
import { appendAll } from '../../util/append.js';

export function checkSpfSyntax(facts: SpfFacts): Finding[] {
  const findings: Finding[] = [];
  for (const node of spfNodes(facts.root)) {
    const path = node.via === 'root' ? undefined : node.path;
    if (node.status === 'ok' && node.record !== undefined && node.parsed !== undefined) {
      findings.push(...spfSyntax(node.domain, node.record, node.parsed, path));
    } else if (node.status === 'multiple') {
      for (const record of node.records) findings.push(...spfSyntax(node.domain, record, parseSpf(record), path));
    }
  }
  return findings;
}

/** Findings for the faults of one parsed record at `owner`. */
export function spfSyntax(owner: string, record: string, parsed: ParsedSpf, path?: readonly string[], range?: SourceRange): Finding[] {
  if (parsed.errors.length === 0) return [];
  const reached = path === undefined ? '' : ` (reached from ${path[0]} via ${path.slice(1).join(' → ')})`;
  const thirdParty = path !== undefined;
  return parsed.errors.map((error) => {
    const rewritten = error.suggestion !== undefined ? replaceTerm(record, error.term, error.offset, error.suggestion) : undefined;
    const fix = thirdParty
      ? `This record belongs to ${owner}: ask its operator to correct it, or stop including it.`
      : rewritten !== undefined
        ? `Rewrite the record as \`${owner}. TXT "${rewritten}"\`.`
        : `Correct the term "${clip(error.term, 60)}" so it follows RFC 7208; until then receivers treat the whole SPF record as a permanent error.`;
    return finding(spfSyntaxCheck, {
      message: `The SPF record of ${owner}${reached} does not parse: ${error.message}.`,
      subject: owner,
      evidence: `"${clip(record)}" (offset ${error.offset})`,
      fix,
      ...(range !== undefined && { range }),
    });
  });
}

/** The file variant: each SPF record of the owner, one finding per bad term (no spread: a zone's TXT has no length limit). */
function spfSyntaxInFile(owner: string, records: readonly FileSpfRecord[]): Finding[] {
  const findings: Finding[] = [];
  for (let k = 0; k < records.length; k++) {
    const record = records[k]!;
    appendAll(findings, spfSyntax(owner, record.text, record.parsed, undefined, record.range));
  }
  return findings;
}

/** Start of the term that contains `offset`. */
function termStart(record: string, term: string, offset: number): number {
  for (let start = Math.min(offset, record.length); start >= 0; start -= 1) {
    if (record.startsWith(term, start) && start + term.length >= offset) return start;
  }
  return offset;
}

/** The record with the term around `offset` replaced (an empty replacement drops it). */
function replaceTerm(record: string, term: string, offset: number, replacement: string): string {
  const start = termStart(record, term, offset);
  const before = record.slice(0, start);
  const after = record.slice(start + term.length);
  return replacement === '' ? `${before.trimEnd()} ${after.trimStart()}`.trim() : `${before}${replacement}${after}`;
}

export const spfSyntaxCheck = defineCheck({
  id: 'spf-syntax',
  severity: 'error',
  scope: 'live+file',
  title: 'SPF record does not parse',
  rfc: 'RFC 7208 §4.6.1',
  live: [{ on: 'spf', run: checkSpfSyntax }],
  file: [{ on: 'spf-records', run: spfSyntaxInFile }],
});
