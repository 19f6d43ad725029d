/** Runs the built `mx-doctor` binary as a user would, and collects what it printed. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI_BIN = fileURLToPath(new URL('../../packages/cli/bin/mx-doctor.cjs', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, options: { readonly cwd?: string } = {}): Promise<CliRun> {
  return runProgram(process.execPath, [CLI_BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, ...(options.cwd !== undefined && { cwd: options.cwd }) });
}

/** Runs `program` with exactly `env` (default: this process's) in `cwd`, and collects what it printed. */
export function runProgram(program: string, args: readonly string[], options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...(options.cwd && { cwd: options.cwd }), env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The distinct finding ids of a JSON report, sorted. */
export function idsOf(report: { findings: { id: string }[] }): string[] {
  return [...new Set(report.findings.map((f) => f.id))].sort();
}
