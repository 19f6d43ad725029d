/**
 * A virtual X display for the real-click tests. Each test file asks for its own range of display
 * numbers, so files running at the same time never take each other's display.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startXvfb(first: number, last: number): Promise<{ display: string; process: ChildProcess }> {
  for (let n = first; n <= last; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const child = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      if (existsSync(`/tmp/.X11-unix/X${n}`)) return { display: `:${n}`, process: child };
      if (child.exitCode !== null) break;
      await sleep(100);
    }
    child.kill();
  }
  throw new Error(`could not start Xvfb on :${first}–:${last}`);
}
