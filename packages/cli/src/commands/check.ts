/** `mx-doctor check`: live mail-DNS checks of one or more domains over DNS-over-HTTPS. */
import { DEFAULT_RESOLVERS, parseDomainInput, sortFindings, type DomainReport } from '@mx-doctor/core';
import { authoritativeQuerier, checkDomainLive, createLiveResolver } from '@mx-doctor/node-files';
import { parseArgs } from 'node:util';
import { colourWanted, painter } from '../color.js';
import { installSuffixList } from '../suffix-list.js';
import { COMMON_OPTIONS, commonSettings, shownFindings, tooManyWarnings, usageErrors } from './common-options.js';
import type { Io } from '../io.js';
import { ProgressResolver } from '../progress.js';
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
  if (positionals.length === 0) throw new UsageError('check needs a domain, e-mail address or URL');
  const { format, urls, timeoutMs, quiet, maxWarnings } = commonSettings(values);
  installSuffixList();
  const smtpPort = values['smtp-port'] === undefined ? 25 : Number(values['smtp-port']);
  if (!Number.isInteger(smtpPort) || smtpPort < 1 || smtpPort > 65535) throw new UsageError('--smtp-port must be a port number');

  const domains = positionals.map((input) => {
    const parsed = parseDomainInput(input);
    if (!parsed.ok) throw new UsageError(parsed.error);
    return parsed;
  });

  // The same setup as the editor's "Check domain" (node-files: resolvers, comparison, SMTP probe).
  const resolvers = createLiveResolver({ urls, timeoutMs });
  // The authority step (on unless --no-authoritative): the zone's servers asked directly.
  const authoritative = values.authoritative === false ? undefined : authoritativeQuerier({ timeoutMs });
  const showProgress = io.stderr.isTTY === true && format === 'text' && !process.env['CI'];
  const progress = new ProgressResolver(resolvers.resolver, io.stderr, showProgress);
  const reports: DomainReport[] = [];
  for (const parsed of domains) {
    progress.start(parsed.domain);
    try {
      const report = await checkDomainLive(parsed.domain, { resolvers, resolver: progress, smtp: { enabled: values.smtp === true, port: smtpPort }, ...(authoritative && { authoritative }) });
      reports.push(parsed.input.toLowerCase() === parsed.domain ? report : { ...report, input: parsed.input });
    } finally {
      progress.stop();
    }
  }

  const shown = quiet ? reports.map((report) => ({ ...report, findings: shownFindings(report.findings, true) })) : reports;
  if (format === 'json') io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else if (format === 'sarif') io.stdout.write(`${renderSarif(sortFindings(shown.flatMap((r) => r.findings)), cliVersion())}\n`);
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

/** The options of `check` (also what `mx-doctor completion` offers). */
export const CHECK_OPTIONS = {
  ...COMMON_OPTIONS,
  smtp: { type: 'boolean' },
  // --no-authoritative skips the authority step (direct questions to the zone's name servers).
  authoritative: { type: 'boolean' },
  // For tests: probe a port other than 25 (nothing else may listen on 25 on a test machine).
  'smtp-port': { type: 'string' },
} as const;

function parseCheckArgs(args: readonly string[]) {
  return usageErrors(() => parseArgs({ args: [...args], allowPositionals: true, allowNegative: true, options: CHECK_OPTIONS }));
}
