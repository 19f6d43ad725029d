/** `mx-doctor check`: live mail-DNS checks of one or more domains over DNS-over-HTTPS. */
import { applyRuleSettingsToReport, DEFAULT_RESOLVERS, parseDomainInput, sortFindings, type DomainReport } from '@mx-doctor/core';
import { authoritativeQuerier, checkDomainLive, createLiveResolver } from '@mx-doctor/node-files';
import { parseArgs } from 'node:util';
import { colourWanted, painter } from '../color.js';
import { installSuffixList } from '../suffix-list.js';
import { CHECK_FORMATS, COMMON_OPTIONS, commonSettings, shownFindings, tooManyWarnings, usageErrors } from './common-options.js';
import { runFleetCheck, type FleetFormat } from './check-fleet.js';
import { parseShard } from '../fleet/shard.js';
import type { Io } from '../io.js';
import { ProgressResolver } from '../progress.js';
import { CONFIG_OPTIONS, RunConfig } from '../project-config.js';
import { renderCheckText } from '../render/check-text.js';
import { renderSarif } from '../render/sarif.js';
import { USAGE, UsageError } from '../usage.js';
import { cliVersion } from '../version.js';

export async function runCheck(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCheckArgs(args);
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const from = values.from;
  if (positionals.length === 0 && from === undefined) throw new UsageError('check needs a domain, e-mail address or URL (or --from FILE)');
  const { format, urls: given, timeoutMs, quiet, maxWarnings } = commonSettings(values, CHECK_FORMATS);
  // The project's settings, from the nearest .mx-doctor.json above the current folder.
  const config = RunConfig.fromOptions(values, io).forDirectory(process.cwd());
  const urls = given.length > 0 ? given : config.resolvers;
  installSuffixList();
  const smtpPort = values['smtp-port'] === undefined ? 25 : Number(values['smtp-port']);
  if (!Number.isInteger(smtpPort) || smtpPort < 1 || smtpPort > 65535) throw new UsageError('--smtp-port must be a port number');
  const concurrency = wholeNumber(values.concurrency, '--concurrency', DEFAULT_CONCURRENCY, 1, 1024);
  // Per resolver; 0 lifts the budget (a local resolver of one's own).
  const qps = wholeNumber(values.qps, '--qps', DEFAULT_QPS, 0, 1_000_000);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard && 'error' in shard) throw new UsageError(shard.error);
  const resume = values.resume;
  if (resume !== undefined && values.format !== undefined && format !== 'jsonl') throw new UsageError('--resume appends JSON lines to its file: use it with --format jsonl (or no --format)');

  const fleet = from !== undefined || shard !== undefined || resume !== undefined || format === 'jsonl' || format === 'csv';
  if (fleet) {
    if (format === 'sarif') throw new UsageError('--from, --shard and --resume write text, json, jsonl or csv, not sarif');
    const resolvers = createLiveResolver({ urls, timeoutMs, ...(qps > 0 && { requestsPerSecond: qps }) });
    const authoritative = values.authoritative === false ? undefined : authoritativeQuerier({ timeoutMs });
    return runFleetCheck(
      {
        format: (resume !== undefined ? 'jsonl' : format) as FleetFormat,
        given: positionals,
        ...(from !== undefined && { from }),
        ...(shard && { shard }),
        ...(resume !== undefined && { resume }),
        concurrency,
        quiet,
        maxWarnings,
        color: values.color,
        resolvers,
        ...(authoritative && { authoritative }),
        smtp: { enabled: values.smtp === true, port: smtpPort },
        ...(config.rules.size > 0 && { rules: config.rules }),
      },
      io,
    );
  }

  const domains = positionals.map((input) => {
    const parsed = parseDomainInput(input);
    if (!parsed.ok) throw new UsageError(parsed.error);
    return parsed;
  });

  // The same setup as the editor's "Check domain" (node-files: resolvers, comparison, SMTP probe).
  const resolvers = createLiveResolver({ urls, timeoutMs, ...(qps > 0 && { requestsPerSecond: qps }) });
  // The authority step (on unless --no-authoritative): the zone's servers asked directly.
  const authoritative = values.authoritative === false ? undefined : authoritativeQuerier({ timeoutMs });
  const showProgress = io.stderr.isTTY === true && format === 'text' && !process.env['CI'];
  const progress = new ProgressResolver(resolvers.resolver, io.stderr, showProgress);
  const reports: DomainReport[] = [];
  for (const parsed of domains) {
    progress.start(parsed.domain);
    try {
      const checked = await checkDomainLive(parsed.domain, { resolvers, resolver: progress, smtp: { enabled: values.smtp === true, port: smtpPort }, ...(authoritative && { authoritative }) });
      const report = applyRuleSettingsToReport(checked, config.rules);
      reports.push(parsed.input.toLowerCase() === parsed.domain ? report : { ...report, input: parsed.input });
    } finally {
      progress.stop();
    }
  }

  const shown = quiet ? reports.map((report) => ({ ...report, findings: shownFindings(report.findings, true) })) : reports;
  if (format === 'json') io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else if (format === 'sarif') io.stdout.write(`${renderSarif(sortFindings(shown.flatMap((r) => r.findings)), { version: cliVersion() })}\n`);
  else {
    const unreachable = progress.noResolverReached();
    const noResolver = unreachable === undefined ? undefined : { resolvers: urls.length > 0 ? urls : DEFAULT_RESOLVERS, error: unreachable };
    io.stdout.write(renderCheckText(shown, painter(colourWanted(io.stdout, values.color)), { noResolver }));
  }

  const overLimit = tooManyWarnings(reports.flatMap((r) => r.findings), maxWarnings);
  if (overLimit) (format === 'text' ? io.stdout : io.stderr).write(overLimit);

  if (reports.some((report) => report.verdict === 'could-not-check')) return 2;
  return overLimit || reports.some((report) => report.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** Domains in flight at once: enough to hide latency, few enough for a public resolver's limits. */
export const DEFAULT_CONCURRENCY = 8;
/** Questions per second per resolver: polite to a public resolver (they limit far above this). */
export const DEFAULT_QPS = 50;

function wholeNumber(text: string | undefined, option: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}

/** The options of `check` (also what `mx-doctor completion` offers). */
export const CHECK_OPTIONS = {
  ...COMMON_OPTIONS,
  ...CONFIG_OPTIONS,
  // A list of domains, one per line; `-` reads stdin.
  from: { type: 'string' },
  concurrency: { type: 'string' },
  qps: { type: 'string' },
  shard: { type: 'string' },
  resume: { type: 'string' },
  smtp: { type: 'boolean' },
  // --no-authoritative skips the authority step (direct questions to the zone's name servers).
  authoritative: { type: 'boolean' },
  // For tests: probe a port other than 25 (nothing else may listen on 25 on a test machine).
  'smtp-port': { type: 'string' },
} as const;

function parseCheckArgs(args: readonly string[]) {
  return usageErrors(() => parseArgs({ args: [...args], allowPositionals: true, allowNegative: true, options: CHECK_OPTIONS }));
}
