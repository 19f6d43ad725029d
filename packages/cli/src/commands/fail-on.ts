/**
 * `lint --fail-on error|warning|info|none`: the least severe finding that makes the run exit 1.
 * `error` (the default) is how lint has always ended; `warning` also fails on warnings, `info` on
 * any finding, `none` on no finding (a report-only CI step: unreadable files still exit 2).
 */
import { severityRank, type Severity } from '@mx-doctor/core';
import { UsageError } from '../usage.js';

export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'none'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export function parseFailOn(value: string | undefined): FailOn {
  if (value === undefined) return 'error';
  if (!(FAIL_ON_LEVELS as readonly string[]).includes(value)) throw new UsageError(`--fail-on must be ${FAIL_ON_LEVELS.slice(0, -1).join(', ')} or ${FAIL_ON_LEVELS.at(-1)}, not "${value}"`);
  return value as FailOn;
}

/** Whether any finding is at least as severe as `failOn`. */
export function failsOn(findings: Iterable<{ readonly severity: Severity }>, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const limit = severityRank(failOn);
  for (const found of findings) if (severityRank(found.severity) <= limit) return true;
  return false;
}
