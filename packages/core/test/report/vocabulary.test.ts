/**
 * The one report vocabulary: every front end (CLI text, popup, badge, hovers, the Markdown report)
 * takes its verdict, rank, status and severity words from here, so a person reads the same
 * sentence wherever they look.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, Verdict } from '../../src/index.js';
import * as core from '../../src/index.js';
import {
  DMARC_POLICY_WORDS,
  FINDING_FIELD_LABEL,
  REPORT_WORDS,
  SPF_QUALIFIER_WORDS,
  VERDICTS,
  mxRankText,
  mxStatusText,
  severityCounts,
  severityLabel,
  verdictText,
} from '../../src/report/vocabulary.js';

const ALL_VERDICTS: readonly Verdict[] = ['receives-mail', 'problems', 'no-mail', 'could-not-check'];

const findingOf = (severity: Finding['severity']): Finding => ({ id: 'mx-single', severity, subject: 'example.com', message: 'm' }) as Finding;

describe('verdictText', () => {
  it('has a title, one sentence and an icon for each verdict, all different', () => {
    expect([...VERDICTS].sort()).toEqual([...ALL_VERDICTS].sort());
    for (const verdict of ALL_VERDICTS) {
      const words = verdictText(verdict);
      expect(words.title).toMatch(/^[A-Z]/);
      expect(words.sentence).toMatch(/^[A-Z][^\n]*\.$/);
      expect(words.icon).toHaveLength(1);
    }
    for (const part of ['title', 'sentence', 'icon'] as const) {
      expect(new Set(ALL_VERDICTS.map((verdict) => verdictText(verdict)[part])).size).toBe(ALL_VERDICTS.length);
    }
  });

  it('says plainly what each verdict means', () => {
    expect(verdictText('receives-mail')).toEqual({ title: 'Receives mail', sentence: 'Mail to this domain can be delivered.', icon: '✓' });
    expect(verdictText('problems').title).toBe('Problems found');
    expect(verdictText('no-mail').title).toBe('Does not accept mail (null MX)');
    expect(verdictText('could-not-check').title).toBe('Could not check');
  });

  it('never reads "could not check" as anything about the domain (rule zero)', () => {
    const words = verdictText('could-not-check');
    expect(words.sentence).toMatch(/says nothing about the domain/);
    expect(words.sentence).not.toMatch(/no mail|does not|receives/i);
    // "problems" may mean no MX at all: it must not promise that mail arrives.
    expect(verdictText('problems').sentence).not.toMatch(/receives mail|can be delivered/i);
  });

  it('refuses a verdict it does not know (JSON from another process)', () => {
    expect(() => verdictText('nonsense' as Verdict)).toThrow(/unknown verdict/);
    expect(() => verdictText('__proto__' as Verdict)).toThrow(/unknown verdict/);
  });
});

describe('mxRankText', () => {
  const hosts = (...preferences: number[]) => preferences.map((preference, i) => ({ exchange: `mx${i}.example.com`, preference }));

  it('primary, backup n of m, load-balanced', () => {
    const set = hosts(10, 20, 30, 30);
    expect(mxRankText(set[0]!, set)).toBe('primary');
    expect(mxRankText(set[1]!, set)).toBe('backup 1 of 2');
    expect(mxRankText(set[2]!, set)).toBe('backup 2 of 2, load-balanced among 2 at preference 30');
  });

  it('the only host, hosts sharing one preference, and the null MX', () => {
    expect(mxRankText(hosts(10)[0]!, hosts(10))).toBe('the only MX host');
    const shared = hosts(5, 5, 5);
    expect(mxRankText(shared[1]!, shared)).toBe('load-balanced among 3 at preference 5');
    expect(mxRankText({ exchange: '', preference: 0 }, [{ exchange: '', preference: 0 }])).toBe('null MX: this domain does not accept mail (RFC 7505)');
  });

  it('ignores a null MX beside real hosts when ranking them', () => {
    const set = [...hosts(10, 20), { exchange: '', preference: 0 }];
    expect(mxRankText(set[0]!, set)).toBe('primary');
    expect(mxRankText(set[1]!, set)).toBe('backup 1 of 1');
  });
});

describe('status and severity words', () => {
  it('MX row status', () => {
    expect([mxStatusText('ok'), mxStatusText('problem'), mxStatusText('unknown')]).toEqual(['OK', 'Problem', 'Unknown']);
  });

  it('severity labels and counts, worst first', () => {
    expect([severityLabel('error'), severityLabel('warning'), severityLabel('info')]).toEqual(['error', 'warning', 'info']);
    expect(severityCounts([findingOf('info'), findingOf('error'), findingOf('warning'), findingOf('error')])).toBe('2 errors, 1 warning, 1 info');
    expect(severityCounts([findingOf('warning')])).toBe('1 warning');
    expect(severityCounts([findingOf('info'), findingOf('info')])).toBe('2 info'); // not "2 infos"
    expect(severityCounts([])).toBe('');
  });

  it('field labels, section words, SPF qualifiers and DMARC policies', () => {
    expect(FINDING_FIELD_LABEL).toEqual({ evidence: 'Seen', fix: 'Fix', rfc: 'Rule' });
    expect(REPORT_WORDS.noFindings).toBe('No findings: nothing to fix.');
    expect(REPORT_WORDS.noMx).toBe('No MX records.');
    expect(SPF_QUALIFIER_WORDS).toEqual({ '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' });
    expect(Object.keys(DMARC_POLICY_WORDS).sort()).toEqual(['none', 'quarantine', 'reject']);
  });
});

describe('the public surface', () => {
  it('exports the vocabulary and the Markdown report from @mx-doctor/core', () => {
    expect(core.verdictText).toBe(verdictText);
    expect(typeof core.reportMarkdown).toBe('function');
    expect(typeof core.mxRankText).toBe('function');
  });
});
