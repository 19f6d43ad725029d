#!/usr/bin/env node
// Runs every test (vitest, both projects) and ends with one plain line "N passed, N failed,
// N skipped", read by CI from any runner. Vitest's own exit status is kept.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-artifacts', { recursive: true });
const report = 'test-artifacts/vitest-report.json';
const run = spawnSync(
  'pnpm',
  ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let summary = 'tests: 0 passed, 1 failed (no report was written)';
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = json.numPendingTests + json.numTodoTests;
  summary = `tests: ${json.numPassedTests} passed, ${json.numFailedTests} failed, ${skipped} skipped`;
} catch {}
console.log(summary);
process.exit(run.status ?? 1);
