/**
 * The reports CI tools read (issue #17 item 3), through the built CLI: SARIF valid against the
 * OASIS 2.1.0 schema, with relative artifact URIs, `helpUri` per rule and fingerprints that survive
 * runs and unrelated edits; GitLab Code Quality with the same properties; `lint --fail-on`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, inject, it } from 'vitest';
import { CATALOGUE } from '@mx-doctor/core';
import { CLI_BIN, runCli } from './run-cli.js';
import { gitWorkTree } from '../git-work-tree.js';

// CommonJS packages whose module.exports is the class or plugin (their types describe `.default`).
const require = createRequire(import.meta.url);
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const FIXTURES = new URL('../lint/fixtures/', import.meta.url);
const FAULTS_ZONE = new URL('faults.zone', FIXTURES).pathname;
const MODULES_TF = new URL('modules.tf', FIXTURES).pathname;
const FINDINGS_PAGE = readFileSync(new URL('../../docs/findings.md', import.meta.url), 'utf8');

function sarifValidator() {
  const schema = JSON.parse(readFileSync(new URL('sarif-schema/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; originalUriBaseIds?: Record<string, { uri: string }>; results: SarifResult[] }[];
}
interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

/** A folder that is a git work tree (a `.git` folder is what the CLI looks for), holding `zones/faults.zone`. */
function repoWithZone(text = readFileSync(FAULTS_ZONE, 'utf8')): string {
  return gitWorkTree('mxd-ci-', { 'zones/faults.zone': text });
}

function lintIn(cwd: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI_BIN, 'lint', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const sarifIn = (cwd: string, args: readonly string[]) => JSON.parse(lintIn(cwd, [...args, '--format', 'sarif']).stdout) as SarifLog;
const gitlabIn = (cwd: string, args: readonly string[]) => JSON.parse(lintIn(cwd, [...args, '--format', 'gitlab']).stdout) as CodeQualityIssue[];

/** Each result's fingerprint with the line it sits on, keyed by rule, for comparing two runs. */
function fingerprintLines(log: SarifLog): Map<string, { ruleId: string; line: number }> {
  const byPrint = new Map<string, { ruleId: string; line: number }>();
  for (const result of log.runs[0]!.results) {
    const prints = Object.values(result.partialFingerprints);
    expect(prints).toHaveLength(1);
    byPrint.set(prints[0]!, { ruleId: result.ruleId, line: result.locations[0]!.physicalLocation!.region.startLine });
  }
  return byPrint;
}

/** The zone with a blank line and a comment inserted above its records (after `$TTL`). */
function withLinesAbove(text: string): string {
  return text.replace('$TTL 3600\n', '$TTL 3600\n\n; a comment added later\n');
}

describe('SARIF', () => {
  it('is valid SARIF 2.1.0 for zone files, Terraform and a live check', async () => {
    const validate = sarifValidator();
    for (const file of [FAULTS_ZONE, MODULES_TF]) {
      const run = await runCli(['lint', file, '--format', 'sarif']);
      const log = JSON.parse(run.stdout) as SarifLog;
      expect(log.runs[0]!.results.length, file).toBeGreaterThan(0);
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    }
    const live = await runCli(['check', 'spf-multiple.broken.test', '--format', 'sarif', '--resolver', inject('dohUrl')]);
    const log = JSON.parse(live.stdout) as SarifLog;
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });

  it('the schema check can fail: a result without a message is refused', async () => {
    const validate = sarifValidator();
    const log = JSON.parse((await runCli(['lint', FAULTS_ZONE, '--format', 'sarif'])).stdout) as { runs: { results: { message?: unknown }[] }[] };
    delete log.runs[0]!.results[0]!.message;
    expect(validate(log)).toBe(false);
  });

  it('gives each rule a helpUri at its heading on the findings page', async () => {
    const log = JSON.parse((await runCli(['lint', FAULTS_ZONE, '--format', 'sarif'])).stdout) as SarifLog;
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(Object.keys(CATALOGUE));
    for (const rule of rules) {
      expect(rule.helpUri).toBe(`https://github.com/mx-doctor/mx-doctor/blob/main/docs/findings.md#${rule.id}`);
      expect(FINDINGS_PAGE, rule.id).toContain(`\n## ${rule.id}\n`);
    }
  });

  it('names files relative to the git work tree, with uriBaseId %SRCROOT%, from anywhere in it', () => {
    const repo = repoWithZone();
    const prints: string[][] = [];
    for (const [cwd, path] of [
      [repo, 'zones/faults.zone'],
      [join(repo, 'zones'), 'faults.zone'],
      [join(repo, 'zones'), join(repo, 'zones', 'faults.zone')],
    ] as const) {
      const run = sarifIn(cwd, [path]).runs[0]!;
      expect(run.originalUriBaseIds, cwd).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(repo).href}/` } });
      for (const result of run.results) expect(result.locations[0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'zones/faults.zone', uriBaseId: '%SRCROOT%' });
      prints.push(run.results.map((r) => r.partialFingerprints['mxDoctorFinding/v1']!));
    }
    expect(prints[1]).toEqual(prints[0]);
    expect(prints[2]).toEqual(prints[0]);
  });

  it('gives a file outside the work tree an absolute file URI, without a base', () => {
    const repo = repoWithZone();
    const run = sarifIn(repo, [FAULTS_ZONE]).runs[0]!;
    for (const result of run.results) expect(result.locations[0]!.physicalLocation!.artifactLocation).toEqual({ uri: pathToFileURL(FAULTS_ZONE).href });
  });

  it('keeps every fingerprint across runs and across lines inserted above the records', () => {
    const text = readFileSync(FAULTS_ZONE, 'utf8');
    const repo = repoWithZone(text);
    const first = fingerprintLines(sarifIn(repo, ['zones/faults.zone']));
    const again = fingerprintLines(sarifIn(repo, ['zones/faults.zone']));
    expect(first.size).toBe(sarifIn(repo, ['zones/faults.zone']).runs[0]!.results.length); // unique
    expect(first.size).toBeGreaterThan(20);
    expect(again).toEqual(first);

    writeFileSync(join(repo, 'zones', 'faults.zone'), withLinesAbove(text));
    const edited = fingerprintLines(sarifIn(repo, ['zones/faults.zone']));
    expect([...edited.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [print, was] of first) expect(edited.get(print), was.ruleId).toEqual({ ruleId: was.ruleId, line: was.line + 2 });
  });

  it('gives a new fingerprint to the edited record only, and tells identical records apart', () => {
    const text = readFileSync(FAULTS_ZONE, 'utf8');
    const repo = repoWithZone(text);
    const before = fingerprintLines(sarifIn(repo, ['zones/faults.zone']));
    // The null MX with preference 10 becomes preference 5: still the same finding, on a changed record.
    writeFileSync(join(repo, 'zones', 'faults.zone'), text.replace('nullpref IN MX 10 .', 'nullpref IN MX 5 .'));
    const after = fingerprintLines(sarifIn(repo, ['zones/faults.zone']));
    const gone = [...before.keys()].filter((print) => !after.has(print));
    expect(gone.map((print) => before.get(print)!.ruleId)).toEqual(['mx-null-nonzero-preference']);
    expect(after.size).toBe(before.size);

    const twice = repoWithZone('$ORIGIN twice.test.\n@ IN MX 10 192.0.2.1\n@ IN MX 10 192.0.2.1\n');
    const results = sarifIn(twice, ['zones/faults.zone']).runs[0]!.results.filter((r) => r.ruleId === 'mx-target-ip-literal');
    expect(results).toHaveLength(2);
    expect(results[0]!.partialFingerprints).not.toEqual(results[1]!.partialFingerprints);
  });
});

describe('GitLab Code Quality (--format gitlab)', () => {
  const ISSUE_SCHEMA = {
    type: 'array',
    items: {
      type: 'object',
      required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
      additionalProperties: false,
      properties: {
        description: { type: 'string', minLength: 1 },
        check_name: { type: 'string', enum: Object.keys(CATALOGUE) },
        fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
        severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
        location: {
          type: 'object',
          required: ['path', 'lines'],
          additionalProperties: false,
          properties: {
            path: { type: 'string', pattern: '^(?!\\./)(?!/)' },
            lines: { type: 'object', required: ['begin'], additionalProperties: false, properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
          },
        },
      },
    },
  };

  it('writes an array of issues in GitLab’s format, with relative paths and mapped severities', () => {
    const repo = repoWithZone();
    copyFileSync(MODULES_TF, join(repo, 'zones', 'modules.tf'));
    const issues = gitlabIn(repo, ['zones']);
    const validate = new Ajv({ allErrors: true }).compile(ISSUE_SCHEMA);
    expect(validate(issues), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(new Set(issues.map((i) => i.location.path))).toEqual(new Set(['zones/faults.zone', 'zones/modules.tf']));
    const json = JSON.parse(lintIn(repo, ['zones', '--format', 'json']).stdout) as { id: string; severity: string; range: { start: { line: number } } }[];
    expect(issues).toHaveLength(json.length);
    const mapped = { error: 'critical', warning: 'minor', info: 'info' } as Record<string, string>;
    json.forEach((finding, n) => {
      expect(issues[n]!.check_name).toBe(finding.id);
      expect(issues[n]!.severity).toBe(mapped[finding.severity]);
      expect(issues[n]!.location.lines.begin).toBe(finding.range.start.line + 1);
    });
  });

  it('keeps fingerprints unique, and the same across runs and lines inserted above', () => {
    const text = readFileSync(FAULTS_ZONE, 'utf8');
    const repo = repoWithZone(text);
    const first = gitlabIn(repo, ['zones']);
    const prints = first.map((i) => i.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    expect(gitlabIn(repo, ['zones']).map((i) => i.fingerprint)).toEqual(prints);
    writeFileSync(join(repo, 'zones', 'faults.zone'), withLinesAbove(text));
    const edited = gitlabIn(repo, ['zones']);
    expect(edited.map((i) => i.fingerprint)).toEqual(prints);
    expect(edited.map((i) => i.location.lines.begin)).toEqual(first.map((i) => i.location.lines.begin + 2));
    // The same fingerprints as SARIF's: one recipe for both reports.
    const sarifPrints = sarifIn(repo, ['zones']).runs[0]!.results.map((r) => r.partialFingerprints['mxDoctorFinding/v1']);
    expect(new Set(sarifPrints)).toEqual(new Set(prints));
  });

  it('is offered by completion and refused by check', async () => {
    expect((await runCli(['check', 'example.com', '--format', 'gitlab'])).code).toBe(2);
    expect((await runCli(['completion', 'bash'])).stdout).toMatch(/lint\) w='text json sarif gitlab'/);
  });
});

describe('lint --fail-on', () => {
  const WARNINGS_ONLY = ['$ORIGIN warn.test.', '$TTL 3600', '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600', '@ IN NS ns1', 'ns1 IN A 192.0.2.1', '@ IN MX 10 mail', 'mail IN A 192.0.2.25', '@ IN TXT "v=spf1 mx ?all"', '_dmarc IN TXT "v=DMARC1; p=reject"', ''].join('\n');

  it('sets the least severe finding that fails the run', () => {
    const warnings = repoWithZone(WARNINGS_ONLY);
    expect(lintIn(warnings, ['zones']).code).toBe(0);
    expect(lintIn(warnings, ['zones', '--fail-on', 'error']).code).toBe(0);
    expect(lintIn(warnings, ['zones', '--fail-on', 'warning']).code).toBe(1);
    expect(lintIn(warnings, ['zones', '--fail-on', 'info', '--format', 'sarif']).code).toBe(1);
    const errors = repoWithZone();
    expect(lintIn(errors, ['zones']).code).toBe(1);
    expect(lintIn(errors, ['zones', '--fail-on', 'none']).code).toBe(0);
    // --max-warnings still fails a run that --fail-on lets pass.
    expect(lintIn(errors, ['zones', '--fail-on', 'none', '--max-warnings', '0']).code).toBe(1);
    // An unreadable file is not a finding: still 2.
    expect(lintIn(errors, ['zones', 'missing.zone', '--fail-on', 'none']).code).toBe(2);
  });

  it('refuses a level it does not know', () => {
    const run = lintIn(tmpdir(), [FAULTS_ZONE, '--fail-on', 'warnings']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fail-on must be error, warning, info or none, not "warnings"');
  });
});
