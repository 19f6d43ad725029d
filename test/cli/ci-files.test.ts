/**
 * The CI integrations in the repository (issue #17 item 3): the GitHub Action (action.yml) and the
 * pre-commit hook (.pre-commit-hooks.yaml). Their YAML is parsed and held to the CLI they run, and
 * their scripts are run here as GitHub and pre-commit would run them, against the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { gitWorkTree } from '../git-work-tree.js';
import { describe, expect, it } from 'vitest';
import { ZONE_FILE_PATTERNS, isTerraformName, matchesPattern } from '../../packages/node-files/src/file-kinds.js';
import { LINT_FORMATS } from '../../packages/cli/src/commands/common-options.js';
import { FAIL_ON_LEVELS } from '../../packages/cli/src/commands/fail-on.js';
import { LINT_OPTIONS } from '../../packages/cli/src/commands/lint.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FAULTS_ZONE = readFileSync(new URL('../lint/fixtures/faults.zone', import.meta.url), 'utf8');
const WARNINGS_ONLY = ['$ORIGIN warn.test.', '$TTL 3600', '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600', '@ IN NS ns1', 'ns1 IN A 192.0.2.1', '@ IN MX 10 mail', 'mail IN A 192.0.2.25', '@ IN TXT "v=spf1 mx ?all"', '_dmarc IN TXT "v=DMARC1; p=reject"', ''].join('\n');

interface Step {
  name: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
interface Hook {
  id: string;
  language: string;
  entry: string;
  files: string;
  types?: string[];
  require_serial?: boolean;
}

const actionText = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(actionText) as Action;
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** A work tree (a `.git` folder) holding the given files. */
const workspace = (files: Record<string, string>): string => gitWorkTree('mxd-ci-files-', files);

/** `${{ inputs.NAME }}` → the input's value (or its default), as GitHub evaluates it. */
function evaluate(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '');
}

/** Runs one `run:` step of the action the way a runner does (bash, the step's env, GITHUB_OUTPUT). */
function runStep(step: Step, cwd: string, inputs: Record<string, string>): { status: number | null; outputs: Record<string, string>; stdout: string; stderr: string } {
  const output = join(mkdtempSync(join(tmpdir(), 'mxd-ghout-')), 'output');
  writeFileSync(output, '');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output, GITHUB_WORKSPACE: cwd };
  for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(value, inputs);
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', evaluate(step.run!, inputs)], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('=', 2) as [string, string]),
  );
  return { status: run.status, outputs, stdout: run.stdout, stderr: run.stderr };
}

const stepNamed = (name: string) => action.runs.steps.find((s) => s.name === name)!;

describe('action.yml', () => {
  it('is a composite action whose every input is used, and that uses no undeclared input', () => {
    expect(action.runs.using).toBe('composite');
    const runsText = actionText.slice(actionText.indexOf('\nruns:'));
    const used = new Set([...actionText.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]!));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const name of Object.keys(action.inputs)) expect(runsText, name).toContain(`inputs.${name}`);
    for (const step of action.runs.steps) if (step.run) expect(step.shell, step.name).toBe('bash');
  });

  it('passes the CLI only options it has', () => {
    expect(Object.keys(LINT_OPTIONS)).toContain('fail-on');
    expect(LINT_FORMATS).toContain('sarif');
    const lint = stepNamed('Lint').run!;
    for (const option of lint.matchAll(/ --([a-z][\w-]*)/g)) expect(Object.keys(LINT_OPTIONS), option[1]).toContain(option[1]);
    // The fail-on input offers what --fail-on takes, and defaults to lint's own default.
    expect(action.inputs['fail-on']!.description).toContain(`${FAIL_ON_LEVELS.slice(0, -1).join(', ')} or ${FAIL_ON_LEVELS.at(-1)}`);
    expect(action.inputs['fail-on']!.default).toBe('error');
  });

  it('uploads the SARIF file it wrote to code scanning, unless told not to', () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with!['sarif_file']).toBe('${{ inputs.sarif-file }}');
    expect(upload.if).toContain("inputs.upload == 'true'");
    expect(stepNamed('Lint').env!['MXD_SARIF_FILE']).toBe('${{ inputs.sarif-file }}');
  });

  it('lint step: writes SARIF and reports the status that --fail-on gives', () => {
    const dir = workspace({ 'zones/faults.zone': FAULTS_ZONE, 'other/warn.zone': WARNINGS_ONLY });
    const lint = stepNamed('Lint');
    const failing = runStep(lint, dir, { paths: 'zones\nother', 'sarif-file': 'out.sarif' });
    expect(failing.status, failing.stderr).toBe(0); // the step itself succeeds, so the upload can run
    expect(failing.outputs['status']).toBe('1');
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    expect(uris).toEqual(new Set(['zones/faults.zone', 'other/warn.zone']));
    expect(failing.stdout).toMatch(/zones\/faults\.zone:\d+:\d+: error /); // findings in the log too

    expect(runStep(lint, dir, { paths: 'other' }).outputs['status']).toBe('0');
    expect(runStep(lint, dir, { paths: 'other', 'fail-on': 'warning' }).outputs['status']).toBe('1');
    expect(runStep(lint, dir, { paths: 'zones', 'fail-on': 'none' }).outputs['status']).toBe('0');
    expect(runStep(lint, dir, { paths: 'missing' }).outputs['status']).toBe('2');
  });

  it('fail step: fails the job with lint’s status', () => {
    const fail = stepNamed('Fail on findings');
    const run = (status: string) => runStep({ ...fail, env: { ...fail.env, MXD_STATUS: status } }, tmpdir(), {});
    expect(run('1').status).toBe(1);
    expect(run('1').stdout).toContain('::error::');
    expect(run('2').status).toBe(2);
    expect(fail.if).toBe("steps.lint.outputs.status != '0'");
  });

  it('build step: a no-op once the CLI is built, and builds what the root build builds', () => {
    const build = runStep(stepNamed('Build the mx-doctor CLI'), tmpdir(), {});
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    const script = readFileSync(join(ROOT, 'scripts/ci/build-cli.sh'), 'utf8');
    const rootBuild = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
    const tscOf = (text: string) => /tsc -b ((?:packages\/[\w-]+ ?)+)/.exec(text)![1]!.trim();
    expect(tscOf(script)).toBe(tscOf(rootBuild));
    const pinned = (text: string) => /PNPM_VERSION=([\d.]+)/.exec(text)![1];
    expect(pinned(script)).toBe(pinned(readFileSync(join(ROOT, 'scripts/setup.sh'), 'utf8')));
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h) => h.id === 'mx-doctor-lint')!;
  // pre-commit compiles `files` with Python's re; its only non-JavaScript syntax here is the leading (?i).
  const files = new RegExp(hook.files.replace(/^\(\?i\)/, ''), hook.files.startsWith('(?i)') ? 'i' : '');

  it('has an mx-doctor-lint hook whose entry is an executable script in the repository', () => {
    expect(hooks.map((h) => h.id)).toEqual(['mx-doctor-lint']);
    expect(hook.language).toBe('script');
    expect(() => accessSync(join(ROOT, hook.entry), constants.X_OK)).not.toThrow();
    expect(readFileSync(join(ROOT, hook.entry), 'utf8')).toMatch(/mx-doctor\.cjs'\), 'lint'/);
    expect(hook.require_serial).toBe(true);
    expect(hook.types).toEqual(['text']);
  });

  it('picks exactly the file names lint recognises, in any folder and any case', () => {
    const samples = ZONE_FILE_PATTERNS.flatMap((pattern) => [pattern.replaceAll('*', 'example.com'), pattern.replaceAll('*', 'x').toUpperCase()]);
    const names = [...samples, 'main.tf', 'MODULE.TF', 'db.py', 'cache.db', 'README.md', 'zone.txt', 'example.zone.bak', 'mydb.py', 'dbx', 'named.root.old', 'tf', 'x.tfvars', 'named.rooted'];
    for (const name of names) {
      const recognised = isTerraformName(name) || ZONE_FILE_PATTERNS.some((pattern) => matchesPattern(name, pattern));
      for (const path of [name, `infra/dns/${name}`]) expect(files.test(path), path).toBe(recognised);
    }
    expect(samples.every((name) => files.test(name))).toBe(true);
  });

  it('runs lint on the staged zone files, after the hook’s args, and leaves look-alikes alone', () => {
    const dir = workspace({ 'zones/db.faults.test': FAULTS_ZONE, 'zones/warn.zone': WARNINGS_ONLY, 'app/db.py': 'import sqlite3\n\ndef connect():\n    return sqlite3.connect("x")\n' });
    const hookRun = (args: string[]) => spawnSync(join(ROOT, hook.entry), args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const errors = hookRun(['zones/db.faults.test', 'app/db.py']);
    expect(errors.status, errors.stderr).toBe(1);
    expect(errors.stdout).toMatch(/zones\/db\.faults\.test:\d+:\d+: error /);
    expect(errors.stdout + errors.stderr).not.toContain('db.py');
    expect(hookRun(['zones/warn.zone']).status).toBe(0);
    expect(hookRun(['--fail-on', 'warning', 'zones/warn.zone']).status).toBe(1);
    const lookAlike = hookRun(['app/db.py']);
    expect(lookAlike.status, lookAlike.stderr).toBe(0);
    expect(lookAlike.stdout).toBe('');
  });
});

describe('README, "In CI"', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## In CI\n'), readme.indexOf('\n## ', readme.indexOf('\n## In CI\n') + 1));
  const snippets = [...section.matchAll(/```yaml\n# (\S+)\n([\s\S]*?)```/g)].map((m) => ({ file: m[1]!, yaml: parse(m[2]!) as unknown }));

  it('has one snippet each for GitHub Actions, pre-commit and GitLab CI', () => {
    expect(snippets.map((s) => s.file)).toEqual(['.github/workflows/mx-doctor.yml', '.pre-commit-config.yaml', '.gitlab-ci.yml']);
  });

  it('GitHub: uses this repository as an action, with inputs it declares, and may upload', () => {
    const workflow = snippets[0]!.yaml as { permissions: Record<string, string>; jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };
    const step = Object.values(workflow.jobs)[0]!.steps.find((s) => s.uses?.startsWith('mx-doctor/mx-doctor@'))!;
    for (const name of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), name).toContain(name);
    expect(FAIL_ON_LEVELS).toContain(step.with!['fail-on']);
    expect(workflow.permissions['security-events']).toBe('write');
  });

  it('pre-commit: names this repository and its hook', () => {
    const config = snippets[1]!.yaml as { repos: { repo: string; hooks: { id: string }[] }[] };
    expect(config.repos[0]!.repo).toBe('https://github.com/mx-doctor/mx-doctor');
    expect(config.repos[0]!.hooks.map((h) => h.id)).toEqual(hooks.map((h) => h.id));
  });

  it('GitLab: its lint command writes the Code Quality report its artifact names', () => {
    const job = Object.values(snippets[2]!.yaml as Record<string, { script: string[]; artifacts: { reports: { codequality: string } } }>)[0]!;
    const [clone, lint] = job.script;
    expect(clone).toContain('bash /tmp/mx-doctor/scripts/ci/build-cli.sh');
    const report = job.artifacts.reports.codequality;
    expect(lint).toContain(`--format gitlab`);
    expect(lint!.endsWith(`> ${report}`)).toBe(true);
    // Run it, with this checkout standing in for the clone.
    const dir = workspace({ 'zones/faults.zone': FAULTS_ZONE });
    const run = spawnSync('bash', ['-c', lint!.replaceAll('/tmp/mx-doctor/', ROOT)], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const issues = JSON.parse(readFileSync(join(dir, report), 'utf8')) as { location: { path: string } }[];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.location.path).toBe('zones/faults.zone');
  });
});
