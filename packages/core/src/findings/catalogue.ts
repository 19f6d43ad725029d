/**
 * What a catalogue row says about a finding id: severity, title, rule, scope. The rows themselves
 * are the checks (`checks/<family>/<id>.ts`), listed in `checks/catalogue.ts`, which mirrors
 * `shared/checks.md`, the product's contract; a test keeps the two in step.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface CatalogueEntry {
  /** How bad it is: `error` = mail is or will be lost, `warning` = fragile, `info` = worth knowing. */
  readonly severity: Severity;
  /** A short title for rule lists (SARIF rules, docs). */
  readonly title: string;
  /** The rule it rests on, where there is one. */
  readonly rfc?: string;
  /** Where the check applies. */
  readonly scope: 'live' | 'authority' | 'transport' | 'file' | 'live+file';
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders severities worst first; use as a sort key. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}
