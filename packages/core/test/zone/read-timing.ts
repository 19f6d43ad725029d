/**
 * Developer timing check (not a test; the project measures speed in benchmarks): reads a
 * generated 100,000-record zone a few times and prints the best time.
 * Run: `cd /work/main && pnpm tsx packages/core/test/zone/read-timing.ts [records]`
 */
import { readZone } from '../../src/readers/zone/reader.js';
import { syntheticZone } from './synthetic-zone.js';

const records = Number(process.argv[2] ?? 100_000);
const text = syntheticZone(records);
let best = Number.POSITIVE_INFINITY;
let read = 0;
for (let run = 0; run < 7; run++) {
  const started = performance.now();
  const result = readZone(text, { file: 'example.com.zone' });
  const elapsed = performance.now() - started;
  read = result.records.length;
  if (result.findings.length > 0) throw new Error(`unexpected findings: ${result.findings[0]?.message}`);
  best = Math.min(best, elapsed);
}
console.log(`${read} records, ${(text.length / 1e6).toFixed(1)} MB: best of 7 ${best.toFixed(1)} ms`);
