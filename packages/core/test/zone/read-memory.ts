/**
 * Developer memory check (not a test): the heap a 100,000-record zone's `ReadResult` keeps alive.
 * Run: `cd /work/main && node --expose-gc --import tsx packages/core/test/zone/read-memory.ts [records]`
 */
import { readZone } from '../../src/readers/zone/reader.js';
import { syntheticZone } from './synthetic-zone.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');
const records = Number(process.argv[2] ?? 100_000);
const text = syntheticZone(records);
readZone(text, { file: 'example.com.zone' }); // warm up
gc();
gc();
const before = process.memoryUsage().heapUsed;
const result = readZone(text, { file: 'example.com.zone' });
gc();
gc();
const after = process.memoryUsage().heapUsed;
console.log(`${result.records.length} records: ReadResult retains ${((after - before) / 2 ** 20).toFixed(1)} MiB (${Math.round((after - before) / result.records.length)} bytes/record)`);
