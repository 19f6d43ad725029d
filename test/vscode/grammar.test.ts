/**
 * The DNS zone TextMate grammar, tokenized the way VS Code does it: `vscode-textmate` with the
 * Oniguruma regex engine (`vscode-oniguruma`, wasm), both resolved from the extension's own
 * devDependencies. Each sample line's tokens are checked against the scope they must carry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, extensionRequire } from './extension-paths.js';

// The few parts of vscode-textmate / vscode-oniguruma this test uses (they are not the test package's dependencies).
interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scopeName: string): Promise<unknown>;
  }) => { loadGrammar(scopeName: string): Promise<Grammar | null> };
  parseRawGrammar(content: string, filePath: string): unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  createOnigScanner(patterns: string[]): unknown;
  createOnigString(text: string): unknown;
}

const GRAMMAR_FILE = join(EXTENSION_DIR, 'syntaxes/dns-zone.tmLanguage.json');
let grammar: Grammar;
let textmate: TextMate;

beforeAll(async () => {
  textmate = extensionRequire('vscode-textmate') as TextMate;
  const oniguruma = extensionRequire('vscode-oniguruma') as Oniguruma;
  const wasm = readFileSync(join(extensionRequire.resolve('vscode-oniguruma'), '../onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.dns-zone' ? textmate.parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null,
  });
  const loaded = await registry.loadGrammar('source.dns-zone');
  if (loaded === null) throw new Error('grammar did not load');
  grammar = loaded;
});

/** Each token's text with its innermost scope (tokens that only carry the root scope are left out). */
function tokenize(lines: readonly string[]): [string, string][][] {
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens
      .map((token): [string, string] => [line.slice(token.startIndex, token.endIndex), token.scopes[token.scopes.length - 1]!])
      .filter(([text, scope]) => scope !== 'source.dns-zone' || text.trim() !== '');
  });
}

describe('dns-zone TextMate grammar', () => {
  it('scopes directives, their arguments and comments', () => {
    const [origin, ttl, include, generate] = tokenize([
      '$ORIGIN example.com. ; the zone',
      '$TTL 1h30m',
      '$INCLUDE "common.zone" sub',
      '$GENERATE 1-10 host$ A 192.0.2.$',
    ]);
    expect(origin).toEqual([
      ['$ORIGIN', 'keyword.control.directive.dns-zone'],
      ['example.com.', 'entity.name.function.fqdn.dns-zone'],
      ['; the zone', 'comment.line.semicolon.dns-zone'],
    ]);
    expect(ttl).toEqual([
      ['$TTL', 'keyword.control.directive.dns-zone'],
      ['1h30m', 'constant.numeric.ttl.dns-zone'],
    ]);
    expect(include).toContainEqual(['$INCLUDE', 'keyword.control.directive.dns-zone']);
    expect(include).toContainEqual(['common.zone', 'string.quoted.double.dns-zone']);
    expect(include).toContainEqual(['sub', 'string.unquoted.relative-name.dns-zone']);
    expect(generate).toContainEqual(['$GENERATE', 'keyword.control.directive.dns-zone']);
    expect(generate).toContainEqual(['1-10', 'constant.numeric.range.dns-zone']);
    expect(generate).toContainEqual(['A', 'keyword.other.type.dns-zone']);
  });

  it('scopes owner, TTL, class, type and rdata of records, in either TTL/class order', () => {
    const [mx, classFirst, continued, txt] = tokenize([
      '@ 3600 IN MX 10 mail.example.com ; relative!',
      'www IN 1d CNAME example.com.',
      '        IN MX 20 backup.example.net.',
      '_dmarc IN TXT "v=DMARC1; p=reject"',
    ]);
    expect(mx).toEqual([
      ['@', 'variable.language.origin.dns-zone'],
      ['3600', 'constant.numeric.ttl.dns-zone'],
      ['IN', 'storage.modifier.class.dns-zone'],
      ['MX', 'keyword.other.type.dns-zone'],
      ['10', 'constant.numeric.dns-zone'],
      ['mail.example.com', 'string.unquoted.relative-name.dns-zone'],
      ['; relative!', 'comment.line.semicolon.dns-zone'],
    ]);
    expect(classFirst).toEqual([
      ['www', 'entity.name.tag.owner.dns-zone'],
      ['IN', 'storage.modifier.class.dns-zone'],
      ['1d', 'constant.numeric.ttl.dns-zone'],
      ['CNAME', 'keyword.other.type.dns-zone'],
      ['example.com.', 'entity.name.function.fqdn.dns-zone'],
    ]);
    expect(continued).toEqual([
      ['IN', 'storage.modifier.class.dns-zone'],
      ['MX', 'keyword.other.type.dns-zone'],
      ['20', 'constant.numeric.dns-zone'],
      ['backup.example.net.', 'entity.name.function.fqdn.dns-zone'],
    ]);
    // The semicolon inside the quotes is not a comment.
    expect(txt).toEqual([
      ['_dmarc', 'entity.name.tag.owner.dns-zone'],
      ['IN', 'storage.modifier.class.dns-zone'],
      ['TXT', 'keyword.other.type.dns-zone'],
      ['"', 'punctuation.definition.string.begin.dns-zone'],
      ['v=DMARC1; p=reject', 'string.quoted.double.dns-zone'],
      ['"', 'punctuation.definition.string.end.dns-zone'],
    ]);
  });

  it('scopes a multi-line SOA with parentheses, numbers, TTL units and comments', () => {
    const lines = tokenize([
      '@ IN SOA ns1.example.com. hostmaster.example.com. (',
      '        2024010101 ; serial',
      '        2h 1h 2w 1h )',
    ]);
    expect(lines[0]).toContainEqual(['SOA', 'keyword.other.type.dns-zone']);
    expect(lines[0]).toContainEqual(['hostmaster.example.com.', 'entity.name.function.fqdn.dns-zone']);
    expect(lines[0]).toContainEqual(['(', 'punctuation.section.parens.dns-zone']);
    expect(lines[1]).toEqual([
      ['2024010101', 'constant.numeric.dns-zone'],
      ['; serial', 'comment.line.semicolon.dns-zone'],
    ]);
    expect(lines[2]).toEqual([
      ['2h', 'constant.numeric.ttl.dns-zone'],
      ['1h', 'constant.numeric.ttl.dns-zone'],
      ['2w', 'constant.numeric.ttl.dns-zone'],
      ['1h', 'constant.numeric.ttl.dns-zone'],
      [')', 'punctuation.section.parens.dns-zone'],
    ]);
  });

  it('marks an unknown directive as invalid', () => {
    const [line] = tokenize(['$ORIGNI example.com.']);
    expect(line![0]).toEqual(['$ORIGNI', 'invalid.illegal.directive.dns-zone']);
  });
});
