/**
 * The core's public surface (`src/index.ts`) is what the front ends use, and no more: each name it
 * exports is used by another package's source, or is a type of that surface's own signatures (the
 * `Resolver` contract, the options of exported functions). Tests import internals by path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const index = readFileSync(join(root, 'packages/core/src/index.ts'), 'utf8');

/** Types other code needs to call or implement what is exported, though no front end names them. */
const SIGNATURE_TYPES = new Set([
  // The Resolver contract: a caller may bring its own resolver.
  'DnsRecord', 'FailureReason', 'LookupOptions', 'MxData', 'Question', 'RecordOf',
  // Options and results of exported functions.
  'CheckDomainOptions', 'CreateResolverOptions', 'DohResolverOptions', 'DomainInput', 'ReadZoneOptions', 'ReadInclude',
  'EscapeControlsOptions', 'MarkdownCodeSpanOptions', 'FindingId', 'CatalogueEntry', 'FileFindingsFilter', 'DisableLineRequest',
]);

function exportedNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!.trim();
      if (name !== '') names.push(name);
    }
  }
  return names;
}

function sources(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sources(path, found);
    else if (/\.(ts|mts|tsx)$/.test(entry)) found.push(path);
  }
  return found;
}

describe('the public surface of @mx-doctor/core', () => {
  it('exports only what another package uses, or a type of its own signatures', () => {
    const names = exportedNames(index);
    expect(names.length).toBeGreaterThan(40);
    const outside = ['packages/cli/src', 'packages/dns-direct/src', 'packages/language-server/src', 'packages/node-files/src', 'packages/terraform/src', 'packages/smtp-probe/src', 'extension-browser/src', 'extension-vscode/src']
      .flatMap((dir) => sources(join(root, dir)))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = names.filter((name) => !SIGNATURE_TYPES.has(name) && !new RegExp(`\\b${name}\\b`).test(outside));
    expect(unused).toEqual([]);
  });

  it('every allowed signature type is still exported', () => {
    const names = new Set(exportedNames(index));
    expect([...SIGNATURE_TYPES].filter((name) => !names.has(name))).toEqual([]);
  });
});
