/**
 * A project's rule settings (`.mx-doctor.json` `"rules"`): an id turned off, or given another
 * severity. Applied to findings after the checks and the suppression comments, so that checks keep
 * their catalogue severity and a project's choice is made in one place for every front end.
 */
import { sortFindings } from '../checks/catalogue.js';
import type { Severity } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import type { DomainReport } from '../plan/report.js';
import { verdictOfFindings } from '../plan/verdict.js';

/** What a project may set an id to. */
export type RuleSetting = Severity | 'off';

export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

/** The findings with `rules` applied: ids set `off` dropped, others at their set severity. */
export function applyRuleSettings(findings: readonly Finding[], rules: ReadonlyMap<string, RuleSetting>): Finding[] {
  if (rules.size === 0) return [...findings];
  const out: Finding[] = [];
  for (const found of findings) {
    const setting = rules.get(found.id);
    if (setting === undefined || setting === found.severity) out.push(found);
    else if (setting !== 'off') out.push({ ...found, severity: setting });
  }
  return out;
}

/**
 * A domain report with `rules` applied, its verdict following its findings: a project that turns
 * an error off (or makes a warning an error) gets the verdict its own severities give. "Could not
 * check" stays: it is about the lookups, not about any finding's severity.
 */
export function applyRuleSettingsToReport(report: DomainReport, rules: ReadonlyMap<string, RuleSetting>): DomainReport {
  if (rules.size === 0) return report;
  // Worst first again: a severity may have changed.
  const findings = sortFindings(applyRuleSettings(report.findings, rules));
  if (report.verdict === 'could-not-check') return { ...report, findings };
  return { ...report, findings, verdict: verdictOfFindings(findings) };
}
