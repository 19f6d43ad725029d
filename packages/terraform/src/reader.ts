/**
 * The Terraform reader: parse a module's .tf files (tree-sitter, recovering from errors), gather
 * what the module declares, and extract the DNS records of every supported provider resource.
 * `read` is the one-file case of `readModule`. After the wasm is loaded everything is synchronous,
 * and neither call throws: what cannot be read becomes a `syntax` finding or an unresolved field.
 */
import { appendAll, finding, syntaxCheck, type FileRecord, type Finding, type ReadResult } from '@mx-doctor/core';
import type { Parser, Tree } from 'web-tree-sitter';
import { Evaluator } from './evaluator.js';
import { loadTerraformParser, type TerraformReaderOptions } from './loader.js';
import { ModuleScope, type ParsedFile } from './module-scope.js';
import { Positions } from './positions.js';
import { PROVIDER_BY_TYPE } from './providers.js';
import { extractRecords } from './record-extractor.js';
import { parseWithRecovery } from './recovering-parse.js';
import { resolveZoneAttribute, resolveZoneReference } from './zone-resources.js';

export interface TerraformSource {
  readonly text: string;
  /** The file's path or URI; every range names it. */
  readonly file: string;
}

export interface TerraformReader {
  /** Records and findings of one .tf file on its own. */
  read(text: string, file: string): ReadResult;
  /** Records and findings of the .tf files of one module (directory), resolving names across them. */
  readModule(files: readonly TerraformSource[]): ReadResult;
}

/** Loads the parser (once per process) and returns a reader. */
export async function createTerraformReader(options: TerraformReaderOptions = {}): Promise<TerraformReader> {
  const parser = await loadTerraformParser(options);
  return {
    read: (text, file) => readModule(parser, [{ text, file }]),
    readModule: (files) => readModule(parser, files),
  };
}

function readModule(parser: Parser, sources: readonly TerraformSource[]): ReadResult {
  const trees: Tree[] = [];
  const findings: Finding[] = [];
  const records: FileRecord[] = [];
  try {
    const positions = new Positions(sources);
    const parsed: ParsedFile[] = [];
    for (const { text, file } of sources) {
      const result = parseWithRecovery(parser, text);
      if (result === null) {
        findings.push(
          finding(syntaxCheck, {
            message: 'The file could not be parsed in time; no records were read from it.',
            subject: file,
            range: positions.range({ file, start: 0, end: 0 }),
          }),
        );
        continue;
      }
      appendAll(trees, result.trees);
      parsed.push({ file, text, blocks: result.blocks });
      for (const problem of result.problems) {
        const range = positions.range({ file, start: problem.start, end: problem.end });
        const message =
          problem.kind === 'missing'
            ? `Syntax error: missing ${describe(problem.type)} here.`
            : `Syntax error: unexpected ${snippet(problem.text)}; this part of the file was skipped.`;
        findings.push(finding(syntaxCheck, { message, subject: file, range }));
      }
    }
    const scope = new ModuleScope(parsed);
    const context = {
      values: new Evaluator(scope, resolveZoneAttribute),
      zones: new Evaluator(scope, resolveZoneReference),
      positions,
    };
    for (const resource of scope.resourceList) {
      const spec = PROVIDER_BY_TYPE.get(resource.type);
      if (!spec) continue;
      try {
        const result = extractRecords(resource, spec, context);
        appendAll(records, result.records);
        appendAll(findings, result.findings);
      } catch {
        // A resource the extractor cannot follow is skipped; the rest of the module is still read.
      }
    }
  } catch {
    // Never throw: return what was read so far.
  } finally {
    for (const tree of trees) tree.delete();
  }
  const origins = new Set(records.map((record) => record.origin));
  const [origin] = origins;
  return { records, findings, ...(origins.size === 1 && origin !== undefined && { origin }) };
}

function describe(type: string): string {
  return /^[a-z_]+$/.test(type) ? type.replace(/_/g, ' ') : `"${type}"`;
}

function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return 'text';
  return `"${line.length > 40 ? `${line.slice(0, 37)}...` : line}"`;
}
