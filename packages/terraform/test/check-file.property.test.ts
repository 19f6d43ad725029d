/**
 * Lint over mutated Terraform: the reader and every file check never throw, and ranges stay inside
 * the file. 5,000 cases (the reader's own property test adds 10,000).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '@mx-doctor/core';
import { createTerraformReader, type TerraformReader } from '../src/index.js';

const SEED = readFileSync(new URL('../../../examples/terraform/aws-route53.tf', import.meta.url), 'utf8') +
  readFileSync(new URL('../../../examples/terraform/google.tf', import.meta.url), 'utf8');
const PIECES = ['{', '}', '"', '${', '}', '\n', '=', '[', ']', ',', 'MX', 'TXT', '10 ', '.', 'local.', 'var.', '#', 'resource "aws_route53_record" "x" {'];

let reader: TerraformReader;
beforeAll(async () => {
  reader = await createTerraformReader();
});

describe('checkFile over mutated Terraform', () => {
  it('never throws, and every range lies inside the file', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.nat(), insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), remove: fc.nat(20) }),
          { maxLength: 6 },
        ),
        (mutations) => {
          let text = SEED;
          for (const m of mutations) {
            const at = m.at % (text.length + 1);
            text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
          }
          const lines = text.split('\n');
          const { findings } = checkFile(reader.read(text, 'main.tf'));
          for (const found of findings) {
            if (!found.range) continue;
            expect(found.range.file).toBe('main.tf');
            expect(found.range.start.line).toBeLessThan(lines.length);
            expect(found.range.end.line).toBeLessThan(lines.length);
          }
        },
      ),
      { numRuns: 5000 },
    );
  }, 120_000);
});
