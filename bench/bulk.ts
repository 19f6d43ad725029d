/**
 * `pnpm bench bulk` (issue #16): a fleet run's domains per second through a local Unbound, against
 * the limit measured in the same run on the same Unbound: Debian's `dnsperf` replaying the very
 * questions the run asked (Unbound's query log of a warm-up run), its queries per second divided by
 * the questions one domain needs. Also each run's peak RSS at 1,000 and at 10,000 domains: memory
 * should not grow with the length of the list.
 *
 * Both sides meet a warm Unbound (the warm-up filled its cache), so the figure is the CLI's own
 * cost per domain, not BIND's. Needs `bind9 unbound dnsperf` (scripts/setup.sh installs them).
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startFleetWorld, type FleetWorld } from '../test/dns/fleet/fixture.js';
import { fleetDomain } from '../test/dns/fleet/world.js';
import { which } from '../test/dns/fixture.js';

const CLI_BIN = fileURLToPath(new URL('../packages/cli/bin/mx-doctor.cjs', import.meta.url));
const MAX_RSS_HOOK = fileURLToPath(new URL('./max-rss.cjs', import.meta.url));
const run = promisify(execFile);

export interface BulkRun {
  readonly domains: number;
  readonly wallMs: number;
  readonly perSecond: number;
  readonly peakRssMiB: number;
}

export interface BulkResult {
  readonly concurrency: number;
  readonly questionsPerDomain: number;
  readonly mix: readonly [type: string, share: number][];
  readonly dnsperfQps: number;
  readonly limitPerSecond: number;
  readonly small: BulkRun;
  readonly large: BulkRun;
  readonly runs: number;
}

async function totalQueries(world: FleetWorld): Promise<number> {
  const line = (await world.control('stats_noreset')).split('\n').find((l) => l.startsWith('total.num.queries='));
  if (!line) throw new Error('unbound-control stats_noreset: no total.num.queries');
  return Number(line.split('=')[1]);
}

/** One `check --from` run, its output thrown away; wall time and the process's peak RSS. */
async function checkRun(world: FleetWorld, list: string, domains: number, concurrency: number): Promise<BulkRun> {
  const rssFile = join(world.dir, `rss-${domains}-${Date.now()}`);
  const args = ['--require', MAX_RSS_HOOK, CLI_BIN, 'check', '--from', list, '--resolver', world.resolverUrl, '--no-authoritative', '--qps', '0', '--concurrency', String(concurrency), '--format', 'jsonl'];
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MXD_BENCH_RSS_FILE: rssFile } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallMs = performance.now() - start;
  // Exit 1: some fleet domains have errors, as the world intends; 2 would mean a domain could not be checked.
  if (code !== 1 || !stderr.includes(`${domains.toLocaleString('en')} domains checked`) || !/Could not check\s+0\s/.test(stderr)) {
    throw new Error(`check --from (${domains} domains) exited ${code}; the benchmark needs every domain checked:\n${stderr.slice(-2000)}`);
  }
  const peakKiB = Number(readFileSync(rssFile, 'utf8'));
  return { domains, wallMs, perSecond: domains / (wallMs / 1000), peakRssMiB: peakKiB / 1024 };
}

/** dnsperf's "Queries per second" for the question file, over `seconds`. */
async function dnsperf(world: FleetWorld, questions: string, seconds: number): Promise<number> {
  const program = which('dnsperf', ['/usr/bin/dnsperf']);
  const { stdout } = await run(program, ['-s', '127.0.0.1', '-p', String(world.unboundPort), '-d', questions, '-l', String(seconds), '-c', '4', '-T', '1', '-q', '256', '-t', '5'], { maxBuffer: 16 * 1024 * 1024 });
  const qps = /Queries per second:\s+([\d.]+)/.exec(stdout);
  const lost = /Queries lost:\s+(\d+)/.exec(stdout);
  if (!qps) throw new Error(`dnsperf printed no queries per second:\n${stdout}`);
  if (lost && Number(lost[1]) > 0) console.error(`(dnsperf: ${lost[1]} queries lost)`);
  return Number(qps[1]);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchBulk({ domains = 10_000, smallDomains = 1_000, concurrency = 64, runs = 3, dnsperfSeconds = 10 } = {}): Promise<BulkResult> {
  const world = await startFleetWorld({ domains, control: true, logQueries: true });
  try {
    const listOf = (count: number) => {
      const path = join(world.dir, `list-${count}.txt`);
      writeFileSync(path, `${Array.from({ length: count }, (_, i) => fleetDomain(i + 1)).join('\n')}\n`);
      return path;
    };
    const small = listOf(smallDomains);
    const large = listOf(domains);

    // Warm-up: fills Unbound's cache, and its query log records the question mix of a whole run.
    const before = await totalQueries(world);
    await checkRun(world, large, domains, concurrency);
    const asked = (await totalQueries(world)) - before;
    await world.control('set_option', 'log-queries:', 'no');
    const questions: string[] = [];
    const byType = new Map<string, number>();
    for (const line of readFileSync(join(world.dir, 'queries.log'), 'utf8').split('\n')) {
      const match = / info: 127\.0\.0\.1 (\S+) (\S+) IN$/.exec(line);
      if (!match) continue;
      questions.push(`${match[1]} ${match[2]}`);
      byType.set(match[2]!, (byType.get(match[2]!) ?? 0) + 1);
    }
    // The readiness probe's question is in the log too; the mix is the run's alone within one line.
    if (Math.abs(questions.length - asked) > 2) throw new Error(`query log holds ${questions.length} questions, Unbound counted ${asked}`);
    const mixFile = join(world.dir, 'mix.txt');
    writeFileSync(mixFile, `${questions.join('\n')}\n`);
    const dnsperfQps = await dnsperf(world, mixFile, dnsperfSeconds);
    const questionsPerDomain = asked / domains;

    // Interleaved, so drift on the machine touches both sizes alike.
    const smallRuns: BulkRun[] = [];
    const largeRuns: BulkRun[] = [];
    for (let i = 0; i < runs; i++) {
      smallRuns.push(await checkRun(world, small, smallDomains, concurrency));
      largeRuns.push(await checkRun(world, large, domains, concurrency));
    }
    const pick = (samples: BulkRun[]): BulkRun => {
      const wall = median(samples.map((s) => s.wallMs));
      const chosen = samples.find((s) => s.wallMs === wall)!;
      return { ...chosen, peakRssMiB: median(samples.map((s) => s.peakRssMiB)) };
    };
    const mix = [...byType].sort((a, b) => b[1] - a[1]).map(([type, count]) => [type, count / questions.length] as [string, number]);
    return { concurrency, questionsPerDomain, mix, dnsperfQps, limitPerSecond: dnsperfQps / questionsPerDomain, small: pick(smallRuns), large: pick(largeRuns), runs };
  } finally {
    await world.stop();
  }
}

export function bulkMarkdown(r: BulkResult): string {
  const ratio = r.large.perSecond / r.limitPerSecond;
  const rss = r.large.peakRssMiB / r.small.peakRssMiB;
  return [
    `Question mix of one run (${r.questionsPerDomain.toFixed(1)} questions per domain, after the CLI's shared cache): ${r.mix.map(([type, share]) => `${type} ${(share * 100).toFixed(0)} %`).join(', ')}.`,
    '',
    '| what | figure |',
    '|---|---:|',
    `| dnsperf on the same Unbound, the same questions | ${r.dnsperfQps.toFixed(0)} queries/s |`,
    `| limit: dnsperf ÷ questions per domain | ${r.limitPerSecond.toFixed(0)} domains/s |`,
    `| check --from, ${r.small.domains.toLocaleString('en')} domains, concurrency ${r.concurrency} | ${r.small.perSecond.toFixed(0)} domains/s, peak RSS ${r.small.peakRssMiB.toFixed(0)} MiB |`,
    `| check --from, ${r.large.domains.toLocaleString('en')} domains, concurrency ${r.concurrency} | ${r.large.perSecond.toFixed(0)} domains/s (${(r.large.wallMs / 1000).toFixed(1)} s), peak RSS ${r.large.peakRssMiB.toFixed(0)} MiB |`,
    '',
    `Domains per second ÷ limit: ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? '✓' : '✗ missed'}.`,
    `Peak RSS at ${r.large.domains.toLocaleString('en')} ÷ at ${r.small.domains.toLocaleString('en')}: ${rss.toFixed(2)} (target ≤ 1.10) ${rss <= 1.1 ? '✓' : '✗ missed'}. Medians of ${r.runs} runs, interleaved.`,
  ].join('\n');
}
