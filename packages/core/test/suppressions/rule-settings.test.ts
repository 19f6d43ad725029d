/** A project's rule settings: off drops an id, a severity replaces the catalogue's; a report's verdict follows. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import type { DomainReport } from '../../src/plan/report.js';
import { applyRuleSettings, applyRuleSettingsToReport } from '../../src/suppressions/rule-settings.js';

const f = (id: string, severity: Finding['severity']): Finding => ({ id, severity, message: id, subject: 'example.test' });

describe('applyRuleSettings', () => {
  it('drops ids set off, changes the severity of ids set to one, and leaves the rest', () => {
    const findings = [f('mx-single', 'warning'), f('spf-multiple', 'error'), f('mx-ttl-high', 'info')];
    const rules = new Map([['mx-single', 'off'], ['mx-ttl-high', 'error']] as const);
    expect(applyRuleSettings(findings, rules).map((x) => `${x.id}:${x.severity}`)).toEqual(['spf-multiple:error', 'mx-ttl-high:error']);
    expect(findings[2]!.severity).toBe('info'); // the input is left as it was
  });

  it('gives a report the verdict of its new severities, worst first, but keeps "could not check"', () => {
    const report = { domain: 'example.test', verdict: 'problems', mx: [], spf: '', dmarc: '', findings: [f('mx-null-mixed', 'error'), f('mx-ttl-high', 'info')] } as DomainReport;
    expect(applyRuleSettingsToReport(report, new Map([['mx-null-mixed', 'off']])).verdict).toBe('receives-mail');
    const raised = applyRuleSettingsToReport(report, new Map([['mx-null-mixed', 'warning'], ['mx-ttl-high', 'error']]));
    expect([raised.verdict, raised.findings.map((x) => x.id)]).toEqual(['problems', ['mx-ttl-high', 'mx-null-mixed']]);
    expect(applyRuleSettingsToReport({ ...report, verdict: 'could-not-check' }, new Map([['mx-null-mixed', 'off']])).verdict).toBe('could-not-check');
  });
});
