/**
 * The names from a name through a file's own CNAME records, loop-safe: the evidence of
 * `domain-cname` and `mx-target-cname` in files, and the end the `mx-target-cname` quick fix points at.
 */
import { tableOf, type ReadResult } from '../../facts/read-result.js';
import { FileIndex } from './file-index.js';

/** Names from `name` through the file's CNAMEs, loop-safe. */
export function chainInFile(index: FileIndex, name: string): string[] {
  const table = index.table;
  const chain = [name];
  for (let hop = 0; hop < 8; hop++) {
    const alias = index.alias(chain[chain.length - 1]!);
    if (alias === undefined || table.fieldCount(alias) === 0) break;
    const written = table.fieldText(alias, 0);
    const next = written.toLowerCase().replace(/\.$/, '');
    // Zone files: a name without the dot is relative to the origin. Terraform values are FQDNs.
    const origin = table.origin(alias);
    const relative = table.source(alias) === 'zone' && !written.endsWith('.') && origin !== undefined;
    // Under the root (origin `''`) a relative name is the name itself.
    const absolute = relative && origin !== '' ? `${next}.${origin}` : next;
    chain.push(absolute);
    if (chain.indexOf(absolute) !== chain.length - 1) break;
  }
  return chain;
}

/**
 * Names from `name` through the file's CNAMEs; when they loop, the last name is one seen before.
 * For an editor's quick fix, which asks once (this indexes the whole file).
 */
export function fileAliasChain(read: ReadResult, name: string): string[] {
  return chainInFile(new FileIndex(tableOf(read)), name);
}
