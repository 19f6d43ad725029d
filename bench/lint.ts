/**
 * `mx-doctor lint` on generated 100,000-record zones (see `benchLint`), against
 * `named-checkzone -i local` on the same file in the same run. Whole processes, as a user runs them; peak
 * memory is the kernel's high-water mark (VmHWM) read while each process runs.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticZone } from '../packages/core/test/zone/synthetic-zone.js';
import { generateZone } from './lsp.js';

const CLI = fileURLToPath(new URL('../packages/cli/bin/mx-doctor.cjs', import.meta.url));

interface Sample {
  readonly ms: number;
  readonly peakKiB: number;
  readonly code: number | null;
}

/**
 * The environment both tools run in: this machine's, without NODE_EXTRA_CA_CERTS. This workplace
 * sets that variable for its TLS proxy, and a Node that finds it parses the whole CA bundle before
 * running any code: about 30 ms per start, more than named-checkzone's whole start-up. Most
 * machines and CI runners do not set it (networks that inspect TLS do), and lint opens no
 * connection; the run with it is measured in the same rounds and printed beside (PROXY_CA_LABEL).
 */
const { NODE_EXTRA_CA_CERTS: proxyCa, ...userEnv } = process.env;
export const PROXY_CA_LABEL = "mx-doctor lint, with this machine's NODE_EXTRA_CA_CERTS";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let peakKiB = 0;
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // the process has exited between polls
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ ms: performance.now() - start, peakKiB, code });
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface LintBenchResult {
  readonly label: string;
  /** Median wall time on the large zone. */
  readonly ms: number;
  readonly peakMiB: number;
  /** Median wall time on a 10-record zone: the tool's fixed cost (start-up, loading, exit). */
  readonly startupMs: number;
}

export interface LintBenchZone {
  readonly zone: string;
  readonly results: readonly LintBenchResult[];
}

/**
 * Both tools on two large zones and on a 10-record one, runs interleaved (tool by tool, zone by
 * zone, round after round) so that a slow moment of the machine hits both alike. The first zone
 * is the target's (every MX RRset has a single host: 16,667 warnings to report); the second is
 * a healthy zone of the same size (MX RRsets with a primary and a backup inside the zone, their
 * addresses, SPF; one warning), for what a zone without faults costs.
 */
export async function benchLint({ records = 100_000, runs = 7 } = {}): Promise<{ records: number; zones: LintBenchZone[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'mxd-bench-lint-'));
  const zones = [
    { label: 'one MX RRset in six with a single host', file: join(dir, 'db.example.com'), origin: 'example.com', text: syntheticZone(records) },
    { label: 'healthy: primary and backup MX in the zone', file: join(dir, 'db.bench.example'), origin: 'bench.example', text: generateZone(records).text },
  ];
  const small = join(dir, 'small', 'db.example.com');
  for (const zone of zones) writeFileSync(zone.file, zone.text);
  mkdirSync(dirname(small));
  writeFileSync(small, syntheticZone(10));
  try {
    const lint = (zone: string) => [CLI, 'lint', zone, '--format', 'json'];
    const tools = [
      { label: 'mx-doctor lint', command: process.execPath, args: lint, env: userEnv },
      // -i local: in-zone integrity checks only. By default named-checkzone also resolves every
      // out-of-zone MX target over the network; lint is offline too, so this is the like-for-like run.
      { label: 'named-checkzone -i local', command: 'named-checkzone', args: (zone: string, origin = 'example.com') => ['-q', '-i', 'local', origin, zone], env: userEnv },
      ...(proxyCa === undefined ? [] : [{ label: PROXY_CA_LABEL, command: process.execPath, args: lint, env: process.env }]),
    ];
    const large = zones.map(() => tools.map((): Sample[] => []));
    const tiny = tools.map((): Sample[] => []);
    for (const tool of tools) for (const zone of zones) await run(tool.command, tool.args(zone.file, zone.origin), tool.env); // warm the file cache
    for (let i = 0; i < runs; i++) {
      for (const [t, tool] of tools.entries()) {
        for (const [z, zone] of zones.entries()) large[z]![t]!.push(await run(tool.command, tool.args(zone.file, zone.origin), tool.env));
        tiny[t]!.push(await run(tool.command, tool.args(small), tool.env));
      }
    }
    if ([...large.flatMap((byTool) => byTool[1]!), ...tiny[1]!].some((s) => s.code !== 0)) throw new Error('named-checkzone rejected a generated zone');
    return {
      records,
      zones: zones.map((zone, z) => ({
        zone: zone.label,
        results: tools.map((tool, t) => ({
          label: tool.label,
          ms: median(large[z]![t]!.map((s) => s.ms)),
          peakMiB: median(large[z]![t]!.map((s) => s.peakKiB)) / 1024,
          startupMs: median(tiny[t]!.map((s) => s.ms)),
        })),
      })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
