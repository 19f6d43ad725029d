import { describe, expect, it } from 'vitest';
import { readZone } from '../../src/readers/zone/index.js';
import { span } from './helpers.js';
import { syntheticZone } from './synthetic-zone.js';

// Correctness at the size the CLI must handle (speed is measured by read-timing.ts and the
// project's benchmarks, not here).
describe('readZone on 100,000 records', () => {
  it('reads them all, with ranges on the right lines to the end', () => {
    const text = syntheticZone(100_000);
    const lastLine = text.split('\n').length - 2;
    const result = readZone(text, { file: 'example.com.zone' });
    expect(result.findings).toEqual([]);
    expect(result.records).toHaveLength(100_000);
    // The generator's last line is a blank-owner TXT (i = 99,994) continuing txt99993.
    const last = result.records[result.records.length - 1]!;
    const lastText = text.split('\n')[lastLine]!;
    expect(lastText).toBe('  TXT "k=99994" "second string"');
    expect(last.range).toEqual(span(lastLine, 2, lastText.length));
    expect(last.owner).toBe('txt99993.example.com');
    expect(last.rdata.map((f) => [f.text, f.range])).toEqual([
      ['k=99994', span(lastLine, 6, 15)],
      ['second string', span(lastLine, 16, 31)],
    ]);
    expect(result.records.filter((r) => r.type === 'MX')).toHaveLength(16_667);
  });
});
