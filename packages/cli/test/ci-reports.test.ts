import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@mx-doctor/core';
import { failsOn, parseFailOn } from '../src/commands/fail-on.js';
import { findingFingerprints } from '../src/render/finding-fingerprints.js';
import { codeQualityIssues } from '../src/render/gitlab-code-quality.js';
import { reportPaths, sourceRoot } from '../src/render/report-paths.js';

const at = (line: number, file = 'zones/a.zone'): Finding['range'] => ({ file, start: { line, character: 0 }, end: { line, character: 5 } });
const found = (line: number, extra: Partial<Finding> = {}): Finding => ({ id: 'mx-single', severity: 'warning', message: 'm', subject: 'a.test', range: at(line), ...extra });

describe('--fail-on', () => {
  it('fails on findings at the level or worse', () => {
    const warning = [{ severity: 'warning' as const }];
    expect(failsOn(warning, parseFailOn(undefined))).toBe(false);
    expect(failsOn(warning, 'warning')).toBe(true);
    expect(failsOn(warning, 'info')).toBe(true);
    expect(failsOn([{ severity: 'info' as const }], 'warning')).toBe(false);
    expect(failsOn([{ severity: 'error' as const }], 'none')).toBe(false);
    expect(() => parseFailOn('fatal')).toThrow(/--fail-on must be error, warning, info or none/);
  });
});

describe('findingFingerprints', () => {
  const text = 'a IN MX 10 mx1\n';
  it('ignore the line number and white space, not the record text', () => {
    const sources = (body: string) => ({ pathOf: (f: string) => f, textOf: () => body });
    const [first] = findingFingerprints([found(0)], sources(text));
    const [moved] = findingFingerprints([found(2)], sources(`\n\n${text}`));
    const [respaced] = findingFingerprints([found(0)], sources('a  IN\tMX 10 mx1\n'));
    const [edited] = findingFingerprints([found(0)], sources('a IN MX 10 mx2\n'));
    expect(moved).toBe(first);
    expect(respaced).toBe(first);
    expect(edited).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
  });
  it('tell identical findings apart by order, and use the evidence when the text is missing', () => {
    const prints = findingFingerprints([found(0), found(1)], { pathOf: (f) => f, textOf: () => `${text}${text}` });
    expect(prints[0]).not.toBe(prints[1]);
    const [a] = findingFingerprints([found(0, { evidence: 'MX 10 mx1.' })]);
    const [b] = findingFingerprints([found(9, { evidence: 'MX 10 mx1.' })]);
    const [c] = findingFingerprints([found(0, { evidence: 'MX 10 mx2.' })]);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});

describe('report paths', () => {
  it('are relative to the nearest git work tree, / separated; outside it, undefined', () => {
    const repo = mkdtempSync(join(tmpdir(), 'mxd-root-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'zones', 'inner'), { recursive: true });
    expect(sourceRoot(join(repo, 'zones', 'inner'))).toBe(repo);
    const paths = reportPaths(repo, join(repo, 'zones'));
    expect(paths.relativeOf('inner/db.a')).toBe('zones/inner/db.a');
    expect(paths.relativeOf(join(repo, 'x.zone'))).toBe('x.zone');
    expect(paths.relativeOf('../../elsewhere.zone')).toBeUndefined();
  });
});

describe('GitLab Code Quality issues', () => {
  it('map severities and give 1-based lines, with end only past begin', () => {
    const paths = { root: '/r', relativeOf: (f: string) => f };
    const multiLine: Finding = { ...found(3), id: 'syntax', severity: 'error', range: { file: 'zones/a.zone', start: { line: 3, character: 0 }, end: { line: 5, character: 1 } } };
    const issues = codeQualityIssues([found(0), multiLine, { ...found(1), severity: 'info' }], { paths, textOf: () => undefined });
    expect(issues.map((i) => i.severity)).toEqual(['minor', 'critical', 'info']);
    expect(issues[0]!.location).toEqual({ path: 'zones/a.zone', lines: { begin: 1 } });
    expect(issues[1]!.location.lines).toEqual({ begin: 4, end: 6 });
  });
});
