/**
 * Language server latency and memory: for a generated 10,000- and 100,000-record zone (a fifth of
 * the records in MX RRsets), the time from a one-line `didChange` to the diagnostics published for
 * that version (median of several edits, each after a pause, so the debounce's leading edge runs
 * at once), and the server's resident memory (VmRSS, and its peak VmHWM, from /proc). The real
 * server over stdio (`mx-doctor lsp --stdio`), live checks off (no network).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLsp } from '../test/lsp/lsp-client.js';

export interface LspBenchResult {
  readonly records: number;
  readonly openMs: number;
  readonly editMedianMs: number;
  readonly editMs: readonly number[];
  /** Resident memory right after the last edit's diagnostics. */
  readonly rssMiB: number;
  /** Resident memory after 2.5 s idle (the server collects garbage once idle after a large file). */
  readonly restMiB: number;
  readonly peakMiB: number;
  readonly targetMs: number;
}

const TARGETS: Record<number, number> = { 10_000: 50, 100_000: 500 };
const MEMORY_TARGET_MIB = 150;
const EDITS = 7;

/** A zone of about `records` records: groups of 10 (2 MX, their 2 A, an SPF TXT, 5 hosts). The faulty line is returned. */
export function generateZone(records: number): { text: string; faultLine: number; faultEnd: number } {
  const lines = ['$ORIGIN bench.example.', '$TTL 3600', '@ IN SOA ns1.bench.example. hostmaster.bench.example. 1 3600 600 604800 300', '@ IN NS ns1.bench.example.', 'ns1 IN A 192.0.2.1'];
  const groups = Math.ceil(records / 10);
  let faultLine = 0;
  let faultEnd = 0;
  for (let g = 0; g < groups; g++) {
    const ip = `10.${(g >> 8) & 255}.${g & 255}`;
    if (g === Math.floor(groups / 2)) {
      faultLine = lines.length;
      const line = `s${g} IN MX 10 mx1.s${g}.bench.example`; // relative target: one finding to toggle
      faultEnd = line.length;
      lines.push(line);
    } else {
      lines.push(`s${g} IN MX 10 mx1.s${g}.bench.example.`);
    }
    lines.push(`s${g} IN MX 20 mx2.s${g}.bench.example.`, `mx1.s${g} IN A ${ip}.1`, `mx2.s${g} IN A ${ip}.2`, `s${g} IN TXT "v=spf1 mx -all"`);
    for (let h = 0; h < 5; h++) lines.push(`h${h}.s${g} IN A ${ip}.${10 + h}`);
  }
  return { text: `${lines.join('\n')}\n`, faultLine, faultEnd };
}

function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function benchOne(records: number, dir: string): Promise<LspBenchResult> {
  const { text, faultLine, faultEnd } = generateZone(records);
  const path = join(dir, `bench-${records}.zone`);
  writeFileSync(path, text);
  const session = await startLsp({ settings: { liveChecks: false } });
  try {
    const uri = pathToFileURL(path).href;
    const opened = performance.now();
    session.open(path, 'dns-zone', text);
    await session.waitFor(uri, () => true, { timeoutMs: 120_000 });
    const openMs = performance.now() - opened;
    const editMs: number[] = [];
    const at = { line: faultLine, character: faultEnd };
    for (let edit = 0; edit < EDITS; edit++) {
      await pause(300); // past the debounce window: an edit after a pause runs at once
      const version = edit + 2;
      const from = session.published.length;
      const addDot = edit % 2 === 0;
      const started = performance.now();
      session.change(uri, version, [addDot ? { range: { start: at, end: at }, text: '.' } : { range: { start: at, end: { line: faultLine, character: faultEnd + 1 } }, text: '' }]);
      const diagnostics = await session.waitFor(uri, (_, params) => params.version === version, { from, timeoutMs: 120_000 });
      editMs.push(performance.now() - started);
      const relative = diagnostics.some((d) => d.code === 'mx-target-relative');
      if (relative === addDot) throw new Error(`edit ${edit}: expected mx-target-relative ${addDot ? 'gone' : 'back'}`);
    }
    const memory = memoryMiB(session.child.pid!);
    // What an editor left open on the file costs: resident memory once the server has been idle.
    await pause(2500);
    const atRest = memoryMiB(session.child.pid!);
    return { records, openMs, editMedianMs: median(editMs), editMs, rssMiB: memory.rss, restMiB: atRest.rss, peakMiB: atRest.peak, targetMs: TARGETS[records] ?? 0 };
  } finally {
    await session.stop();
  }
}

/** Runs both sizes and prints a Markdown table with the targets. */
export async function benchLsp(sizes: readonly number[] = [10_000, 100_000]): Promise<LspBenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mx-doctor-bench-lsp-'));
  const results: LspBenchResult[] = [];
  try {
    for (const records of sizes) results.push(await benchOne(records, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n## lsp: one-line didChange → published diagnostics (median of ${EDITS} edits), server memory\n`);
  console.log('| zone | open → first diagnostics | edit → diagnostics (median) | target | resident after edits | resident at rest (+2.5 s) | peak (VmHWM) | target (at rest) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const ok = (value: number, target: number) => (value <= target ? '✓' : '✗ missed');
    console.log(
      `| ${r.records.toLocaleString('en')} records | ${r.openMs.toFixed(0)} ms | ${r.editMedianMs.toFixed(0)} ms | ≤ ${r.targetMs} ms ${ok(r.editMedianMs, r.targetMs)} | ${r.rssMiB.toFixed(0)} MiB | ${r.restMiB.toFixed(0)} MiB | ${r.peakMiB.toFixed(0)} MiB | ≤ ${MEMORY_TARGET_MIB} MiB ${ok(r.restMiB, MEMORY_TARGET_MIB)} |`,
    );
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchLsp();
