/**
 * `mx-doctor check --from FILE` (and `--format jsonl|csv`, `--shard`, `--resume`): many domains,
 * each report written the moment it is done (run-fleet.ts), a summary on stderr at the end. The
 * command line's own few domains without these options keep check.ts's one-shot output (one JSON
 * array, one SARIF log, "no resolver could be reached" said once).
 */
import { checkDomainLive, type LiveResolvers, type SmtpProbeSetting } from '@mx-doctor/node-files';
import { applyRuleSettingsToReport, escapeControls, type AuthoritativeQuerier, type DomainReport, type RuleSetting } from '@mx-doctor/core';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { once, setMaxListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { colourWanted, painter } from '../color.js';
import type { Io } from '../io.js';
import { renderCheckText } from '../render/check-text.js';
import { UsageError } from '../usage.js';
import { csvHeader, csvRow } from '../fleet/csv.js';
import { domainSource, type SourceItem } from '../fleet/domain-source.js';
import { FleetProgress } from '../fleet/fleet-progress.js';
import { renderSummaryText } from '../fleet/fleet-summary.js';
import { readResumeFile } from '../fleet/resume.js';
import { runFleet } from '../fleet/run-fleet.js';
import type { Shard } from '../fleet/shard.js';
import { TroubleCounter } from '../fleet/trouble-counter.js';
import { shownFindings } from './common-options.js';

export type FleetFormat = 'text' | 'json' | 'jsonl' | 'csv';

export interface FleetCheckSettings {
  readonly format: FleetFormat;
  readonly given: readonly string[];
  /** `--from`: a path, or `-` for stdin. */
  readonly from?: string;
  readonly shard?: Shard;
  readonly resume?: string;
  readonly concurrency: number;
  readonly quiet: boolean;
  readonly maxWarnings: number | undefined;
  readonly color: boolean | undefined;
  readonly resolvers: LiveResolvers;
  readonly authoritative?: AuthoritativeQuerier;
  readonly smtp: SmtpProbeSetting;
  /** The project's rule settings (`.mx-doctor.json`), applied to each report. */
  readonly rules?: ReadonlyMap<string, RuleSetting>;
}

/** Input lines named in messages one by one; the rest are counted in the summary. */
const INVALID_SHOWN = 20;

/**
 * Domains in a row with no resolver answering before the run stops: far more than a list's run of
 * dead domains (their SERVFAILs do not count), and with the resolver gone each further domain would
 * only wait out its timeouts.
 */
export const GIVE_UP_AFTER = 50;

/** Exit status of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED_STATUS = 130;

function openList(from: string, io: Io): { stream: Readable; name: string } {
  if (from === '-') return { stream: (io.stdin ?? process.stdin) as Readable, name: 'stdin' };
  let isDirectory = false;
  try {
    isDirectory = statSync(from).isDirectory();
  } catch (error) {
    throw new UsageError(`--from ${from}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (isDirectory) throw new UsageError(`--from ${from}: is a directory, not a list of domains`);
  // FIFOs and process substitution (`--from <(…)`) are read like files: a list may come from a pipe.
  return { stream: createReadStream(from), name: from };
}

/** How many domains the run will check, when the list is a regular file (for the progress line). */
async function countDomains(settings: FleetCheckSettings, done: ReadonlySet<string>): Promise<number | undefined> {
  if (settings.from === undefined || settings.from === '-' || !statSync(settings.from).isFile()) return undefined;
  let count = 0;
  const source = domainSource({ given: settings.given, from: { stream: createReadStream(settings.from), name: settings.from }, ...(settings.shard && { shard: settings.shard }), done });
  for await (const item of source) if (item.kind === 'domain') count++;
  return count;
}

/**
 * A full garbage collection every COLLECT_EVERY reports keeps a long run's memory flat. The live
 * heap stays near 25 MB however long the list, but V8 lets the heap of a busy process grow between
 * its own collections, the longer the run the further: peak RSS 166 MiB at 1,000 domains, 216 MiB
 * at 10,000; with this, 147 and 151 MiB, for about 5 % more time (BENCHMARKS.md, bulk). Each
 * collection takes a few milliseconds. Without `gc` (a runtime that refuses the flag) runs go on as before.
 */
const COLLECT_EVERY = 256;

function fullCollector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

async function writeText(stream: Writable, text: string): Promise<void> {
  if (text === '') return;
  if (!stream.write(text)) await once(stream, 'drain');
}

/** The JSON array's pieces as text: the same as `JSON.stringify(reports, null, 2)` once closed. */
function jsonItem(report: DomainReport, first: boolean): string {
  const body = JSON.stringify(report, null, 2).replace(/\n/g, '\n  ');
  return `${first ? '[\n' : ',\n'}  ${body}`;
}

export async function runFleetCheck(settings: FleetCheckSettings, io: Io): Promise<number> {
  const resumed = settings.resume === undefined ? undefined : await readResumeFile(settings.resume);
  if (resumed) {
    if (resumed.truncatedBytes > 0) io.stderr.write(`mx-doctor: ${escapeControls(settings.resume!)}: dropped a cut-short last line (${resumed.truncatedBytes} bytes); its domain is checked again\n`);
    for (const skipped of resumed.skipped.slice(0, INVALID_SHOWN)) io.stderr.write(`mx-doctor: ${escapeControls(skipped)}; its domain is checked again\n`);
  }
  const done = resumed?.done ?? new Set<string>();
  const list = settings.from === undefined ? undefined : openList(settings.from, io);
  const out: Writable = settings.resume === undefined ? io.stdout : createWriteStream(settings.resume, { flags: 'a' });
  const outIsTerminal = out === io.stdout && io.stdout.isTTY === true;
  const paint = painter(settings.format === 'text' && colourWanted(io.stdout, settings.color));

  const showProgress = io.stderr.isTTY === true && !process.env['CI'];
  const total = showProgress ? await countDomains(settings, done) : undefined;
  const progress = showProgress ? new FleetProgress(io.stderr, total, resumed?.summary.checked ?? 0) : undefined;

  const interrupt = new AbortController();
  // One listener per lookup in flight (trouble-counter.ts): hundreds at a time, by design.
  setMaxListeners(0, interrupt.signal);
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    // A second Ctrl-C: the person does not want to wait for the line being written.
    if (interrupts > 1) process.exit(INTERRUPTED_STATUS);
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);

  let written = 0;
  let invalidShown = 0;
  const collect = fullCollector();
  const writeReport = async (report: DomainReport): Promise<void> => {
    const shown = settings.quiet ? { ...report, findings: shownFindings(report.findings, true) } : report;
    let text: string;
    if (settings.format === 'jsonl') text = `${JSON.stringify(shown)}\n`;
    else if (settings.format === 'csv') text = `${written === 0 ? csvHeader() : ''}${csvRow(shown)}`;
    else if (settings.format === 'json') text = jsonItem(shown, written === 0);
    else text = `${written === 0 ? '' : '\n'}${renderCheckText([shown], paint)}`;
    written++;
    if (collect && written % COLLECT_EVERY === 0) collect();
    if (outIsTerminal) progress?.clear();
    await writeText(out, text);
  };

  let result;
  try {
    result = await runFleet({
      source: domainSource({ given: settings.given, ...(list && { from: list }), ...(settings.shard && { shard: settings.shard }), done }),
      concurrency: settings.concurrency,
      interrupt: interrupt.signal,
      ...(resumed && { summary: resumed.summary }),
      check: async (domain, input) => {
        const counter = new TroubleCounter(settings.resolvers.resolver, interrupt.signal);
        const checked = await checkDomainLive(domain, {
          resolvers: settings.resolvers,
          resolver: counter,
          smtp: settings.smtp,
          ...(settings.authoritative && { authoritative: settings.authoritative }),
        });
        const report = settings.rules ? applyRuleSettingsToReport(checked, settings.rules) : checked;
        return {
          report: input.toLowerCase() === domain ? report : { ...report, input },
          resolverTrouble: counter.trouble > 0,
          // Could not check, and not for the domain's sake (answers cached earlier may still have served).
          resolverUnreachable: report.verdict === 'could-not-check' && counter.unreachable > 0,
          ...(counter.lastUnreachable !== undefined && { unreachableDetail: counter.lastUnreachable }),
        };
      },
      giveUpAfter: GIVE_UP_AFTER,
      write: writeReport,
      invalid: (item: SourceItem & { kind: 'invalid' }) => {
        if (invalidShown++ >= INVALID_SHOWN) return;
        progress?.clear();
        const what = item.input === '' ? '' : ` "${escapeControls(item.input.slice(0, 80))}"`;
        io.stderr.write(`mx-doctor: ${escapeControls(item.where)}:${what} ${escapeControls(item.error)} (skipped)\n`);
      },
      ...(progress && { progress: (summary, inFlight) => progress.update(summary, inFlight) }),
    });
  } finally {
    process.off('SIGINT', onSigint);
    progress?.stop();
  }

  // Close what was opened: the JSON array, and the --resume file (its last line must reach the disk).
  if (settings.format === 'json') await writeText(out, written === 0 ? '[]\n' : '\n]\n');
  if (settings.format === 'csv' && written === 0) await writeText(out, csvHeader());
  if (out !== io.stdout) {
    out.end();
    await once(out, 'finish');
  }

  const { summary, interrupted, warnings, gaveUp } = result;
  const data = summary.data();
  let text = renderSummaryText(data);
  if (gaveUp) {
    const again = settings.resume ? 'run the same command again once the resolver is back: it checks these and the rest' : 'with --resume OUT.jsonl a second run checks these and the rest';
    text = `Stopped: no resolver answered for ${gaveUp.after} domains in a row (last: ${escapeControls(gaveUp.detail)}); the domains after them were not checked; ${again}.\n${text}`;
  }
  if (interrupted) text = `Interrupted: ${written} report${written === 1 ? '' : 's'} written this run${settings.resume ? `; run the same command again to check the rest` : ''}.\n${text}`;
  io.stderr.write(text);
  if (interrupted) return INTERRUPTED_STATUS;

  const overLimit = settings.maxWarnings !== undefined && warnings > settings.maxWarnings;
  if (overLimit) io.stderr.write(`mx-doctor: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${settings.maxWarnings}\n`);
  if (data.couldNotCheck.count > 0 || data.invalidInputs > 0) return 2;
  return overLimit || data.withErrors > 0 ? 1 : 0;
}
