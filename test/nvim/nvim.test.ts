/**
 * Neovim as a second LSP client: headless `nvim -u init.lua FILE` starts `mx-doctor lsp --stdio`,
 * waits for the diagnostics, writes `vim.diagnostic.get()` out as JSON and quits. They must be the
 * ones the stdio test expects (same ids, severities, ranges).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { EXPECTED_ZONE_DIAGNOSTICS } from '../lsp/expected.js';
import { CLI_BIN, FIXTURES } from '../lsp/lsp-client.js';

const INIT = fileURLToPath(new URL('./init.lua', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mx-doctor-nvim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface NvimDiagnostic {
  code: string;
  severity: number;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  source: string;
  message: string;
}

function runNvim(file: string): Promise<{ filetype: string; timedOut: boolean; diagnostics: NvimDiagnostic[] }> {
  const out = join(dir, 'diagnostics.json');
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', INIT, file], {
      cwd: FIXTURES,
      env: { ...process.env, MX_DOCTOR_OUT: out, MX_DOCTOR_CLI: CLI_BIN, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 40_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')));
      } catch (error) {
        reject(new Error(`nvim exited ${code} without output: ${stderr} ${String(error)}`));
      }
    });
  });
}

it('shows the same diagnostics in Neovim as over stdio', async () => {
  const result = await runNvim(join(FIXTURES, 'db.example.com'));
  expect(result.timedOut).toBe(false);
  expect(result.filetype).toBe('bindzone'); // Neovim's own name for db.* files: the server accepts it
  const seen = result.diagnostics
    .map((d) => ({ code: d.code, severity: d.severity, range: `${d.lnum}:${d.col}-${d.end_lnum}:${d.end_col}` }))
    .sort((a, b) => a.range.localeCompare(b.range));
  expect(seen).toEqual(EXPECTED_ZONE_DIAGNOSTICS);
  expect(new Set(result.diagnostics.map((d) => d.source))).toEqual(new Set(['mx-doctor']));
  expect(result.diagnostics.find((d) => d.code === 'mx-target-relative')?.message).toContain('Fix: Add the trailing dot: mail.example.com.');
}, 60_000);
