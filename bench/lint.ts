/**
 * `mx-doctor lint` on a generated 100,000-record zone (one MX RRset in six records), against
 * `named-checkzone -i local` on the same file in the same run. Whole processes, as a user runs them; peak
 * memory is the kernel's high-water mark (VmHWM) read while each process runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticZone } from '../packages/core/test/zone/synthetic-zone.js';

const CLI = fileURLToPath(new URL('../packages/cli/bin/mx-doctor.js', import.meta.url));

interface Sample {
  readonly ms: number;
  readonly peakKiB: number;
  readonly code: number | null;
}

function run(command: string, args: string[]): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
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

export async function benchLint({ records = 100_000, runs = 5 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mxd-bench-lint-'));
  const file = join(dir, 'db.example.com');
  writeFileSync(file, syntheticZone(records));
  try {
    const tools = [
      { label: 'mx-doctor lint', command: process.execPath, args: [CLI, 'lint', file, '--format', 'json'] },
      // -i local: in-zone integrity checks only. By default named-checkzone also resolves every
      // out-of-zone MX target over the network; lint is offline too, so this is the like-for-like run.
      { label: 'named-checkzone -i local', command: 'named-checkzone', args: ['-q', '-i', 'local', 'example.com', file] },
    ];
    const results: { label: string; ms: number; peakMiB: number }[] = [];
    for (const tool of tools) {
      await run(tool.command, tool.args); // warm the file cache
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) samples.push(await run(tool.command, tool.args));
      if (tool.command === 'named-checkzone' && samples.some((s) => s.code !== 0)) throw new Error('named-checkzone rejected the generated zone');
      results.push({ label: tool.label, ms: median(samples.map((s) => s.ms)), peakMiB: median(samples.map((s) => s.peakKiB)) / 1024 });
    }
    return { records, results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
