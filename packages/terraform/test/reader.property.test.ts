// Robustness: whatever the text, `read` returns (no throw, no hang) and every range it gives lies
// inside that text. 10,000 cases: random strings over HCL's significant characters and any
// Unicode, and valid fixtures mutated by inserting, deleting and duplicating characters.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadResult, SourceRange } from '@mx-doctor/core';
import { fixturePath, fixtureText, reader } from './helpers.js';

/** Line lengths as LSP counts lines (`\r\n`, `\r`, `\n`). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function inside(range: SourceRange | undefined, lengths: readonly number[], file: string): boolean {
  if (range === undefined) return true;
  const ok = (p: { line: number; character: number }): boolean =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.line < lengths.length &&
    p.character >= 0 &&
    p.character <= (lengths[p.line] ?? -1);
  const ordered =
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return range.file === file && ok(range.start) && ok(range.end) && ordered;
}

function allRanges(result: ReadResult): (SourceRange | undefined)[] {
  return [
    ...result.records.flatMap((r) => [r.range, r.ownerRange, r.typeRange, r.ttlRange, ...r.rdata.map((f) => f.range)]),
    ...result.findings.map((f) => f.range),
  ];
}

const FIXTURES = readdirSync(fixturePath('')).filter((name) => name.endsWith('.tf'));

const TOKENS = [
  '{', '}', '[', ']', '(', ')', '"', "'", '\\', '$', '${', '%{', '}', '~', '#', '//', '/*', '*/', '=', ',', '.', ':',
  '?', '\n', '\r\n', '\r', '\t', ' ', '<<EOT\n', '<<-EOT\n', 'EOT\n', 'resource', 'locals', 'variable', '"MX"',
  'records', 'local.', 'var.', 'each.value', '10 ', 'mail.example.com', '\\u00e9', '\\"', 'é', '𝔪', '\u0000',
];

const hclish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 200 });

type Mutation = { kind: 'insert'; at: number; token: string } | { kind: 'delete' | 'duplicate'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const m of mutations) {
    const at = result.length === 0 ? 0 : m.at % (result.length + 1);
    if (m.kind === 'insert') result = result.slice(0, at) + m.token + result.slice(at);
    else if (m.kind === 'delete') result = result.slice(0, at) + result.slice(at + m.length);
    else result = result.slice(0, at + m.length) + result.slice(at, at + m.length) + result.slice(at + m.length);
  }
  return result;
}

async function check(text: string): Promise<void> {
  const r = await reader();
  const started = performance.now();
  let result: ReadResult | undefined;
  expect(() => {
    result = r.read(text, 'p.tf');
  }).not.toThrow();
  expect(performance.now() - started).toBeLessThan(2_000);
  const lengths = lineLengths(text);
  for (const range of allRanges(result!)) {
    if (!inside(range, lengths, 'p.tf')) {
      throw new Error(`range ${JSON.stringify(range)} outside ${JSON.stringify(text)}`);
    }
  }
  for (const record of result!.records) for (const field of record.rdata) expect(typeof field.text).toBe('string');
}

describe('read() on arbitrary input', () => {
  it('never throws and keeps ranges inside random text (4,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hclish, anyText), (text) => check(text)),
      { numRuns: 4_000 },
    );
  }, 60_000);

  it('never throws and keeps ranges inside mutated valid files (6,000 cases)', async () => {
    const texts = FIXTURES.map((name) => fixtureText(name));
    await fc.assert(
      fc.asyncProperty(fc.nat(texts.length - 1), fc.array(mutation, { minLength: 1, maxLength: 8 }), (index, mutations) =>
        check(mutate(texts[index] ?? '', mutations)),
      ),
      { numRuns: 6_000 },
    );
  }, 60_000);

  it('the fixtures themselves read without syntax findings except the broken one', async () => {
    const r = await reader();
    for (const name of FIXTURES) {
      const syntax = r.read(fixtureText(name), name).findings.filter((f) => f.id === 'syntax');
      expect([name, syntax.length]).toEqual([name, name === 'syntax-error.tf' ? 1 : 0]);
    }
  });
});
