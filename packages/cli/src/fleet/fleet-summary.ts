/**
 * What a fleet run (or `mx-doctor summarize` over its JSONL) says at the end: how many domains got
 * each verdict, which finding ids were seen on the most domains, and which domains could not be
 * checked. Fixed-size state apart from one count per distinct id and the first names of the
 * domains that could not be checked, so a run of millions ends with a summary of the same size.
 */
import { escapeControls, verdictText, VERDICTS, type Verdict } from '@mx-doctor/core';

/** Domains named in the summary's could-not-check list (the count says how many more). */
export const LISTED_UNCHECKED = 20;

/** The part of a report a summary reads (a JSONL line may come from an older or newer version). */
export interface SummarisedReport {
  readonly domain: string;
  readonly verdict: string;
  readonly findings: readonly { readonly id: string; readonly severity: string }[];
}

export interface FleetSummaryData {
  readonly domains: number;
  readonly verdicts: Readonly<Record<string, number>>;
  /** Finding ids by the number of domains that have them, most first (ties by id). */
  readonly ids: readonly { readonly id: string; readonly severity: string; readonly domains: number }[];
  readonly couldNotCheck: { readonly count: number; readonly first: readonly string[] };
  /** Domains with at least one error finding. */
  readonly withErrors: number;
  /** Input lines that named no domain. */
  readonly invalidInputs: number;
}

export const VERDICT_ORDER: readonly Verdict[] = VERDICTS;

export class FleetSummary {
  private domains = 0;
  private readonly verdicts = new Map<string, number>();
  private readonly ids = new Map<string, { severity: string; domains: number }>();
  private unchecked = 0;
  private withErrors = 0;
  private readonly firstUnchecked: string[] = [];
  invalidInputs = 0;

  add(report: SummarisedReport): void {
    this.domains++;
    this.verdicts.set(report.verdict, (this.verdicts.get(report.verdict) ?? 0) + 1);
    if (report.findings.some((finding) => finding.severity === 'error')) this.withErrors++;
    const once = new Set<string>();
    for (const finding of report.findings) {
      if (once.has(finding.id)) continue;
      once.add(finding.id);
      const entry = this.ids.get(finding.id);
      if (entry) entry.domains++;
      else this.ids.set(finding.id, { severity: finding.severity, domains: 1 });
    }
    if (report.verdict === 'could-not-check') {
      this.unchecked++;
      if (this.firstUnchecked.length < LISTED_UNCHECKED) this.firstUnchecked.push(report.domain);
    }
  }

  get checked(): number {
    return this.domains;
  }

  get couldNotCheck(): number {
    return this.unchecked;
  }

  data(): FleetSummaryData {
    const verdicts: Record<string, number> = {};
    for (const verdict of VERDICT_ORDER) verdicts[verdict] = this.verdicts.get(verdict) ?? 0;
    for (const [verdict, count] of this.verdicts) if (!(verdict in verdicts)) verdicts[verdict] = count;
    const ids = [...this.ids].map(([id, { severity, domains }]) => ({ id, severity, domains })).sort((a, b) => b.domains - a.domains || (a.id < b.id ? -1 : 1));
    return { domains: this.domains, verdicts, ids, couldNotCheck: { count: this.unchecked, first: [...this.firstUnchecked] }, withErrors: this.withErrors, invalidInputs: this.invalidInputs };
  }
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}

function verdictLabel(verdict: string): string {
  return (VERDICT_ORDER as readonly string[]).includes(verdict) ? verdictText(verdict as Verdict).title : escapeControls(verdict);
}

/** The summary as lines of text (for stderr after a run, and `summarize --format text`). */
export function renderSummaryText(data: FleetSummaryData, options: { readonly topIds?: number } = {}): string {
  const topIds = options.topIds ?? 10;
  const lines = [`${data.domains.toLocaleString('en')} domain${data.domains === 1 ? '' : 's'} checked`];
  const verdicts = Object.entries(data.verdicts).map(([verdict, count]) => [verdictLabel(verdict).slice(0, 60), count] as const);
  const width = Math.max(22, ...verdicts.map(([label]) => label.length));
  for (const [label, count] of verdicts) lines.push(`  ${label.padEnd(width)} ${String(count).padStart(8)}  ${percent(count, data.domains).padStart(6)}`);
  if (data.ids.length > 0) {
    lines.push(`Most frequent findings (domains):`);
    for (const { id, severity, domains } of data.ids.slice(0, topIds)) lines.push(`  ${escapeControls(id).padEnd(30)} ${severity.padEnd(8)} ${String(domains).padStart(8)}`);
  }
  if (data.couldNotCheck.count > 0) {
    const more = data.couldNotCheck.count - data.couldNotCheck.first.length;
    lines.push(`Could not be checked: ${data.couldNotCheck.first.map((name) => escapeControls(name)).join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (data.invalidInputs > 0) lines.push(`${data.invalidInputs} input line${data.invalidInputs === 1 ? '' : 's'} named no domain (see the messages above)`);
  return `${lines.join('\n')}\n`;
}
