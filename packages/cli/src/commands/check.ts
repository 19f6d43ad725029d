/** `mx-doctor check`: live mail-DNS checks of one or more domains over DNS-over-HTTPS. */
import { parseArgs } from 'node:util';
import {
  DohResolver,
  checkDomain,
  createResolver,
  parseDomainInput,
  sortFindings,
  validateResolverUrl,
  type DomainReport,
} from '@mx-doctor/core';
import { probeSmtp } from '@mx-doctor/smtp-probe';
import { colourWanted, painter } from '../color.js';
import type { Io } from '../main.js';
import { ProgressResolver } from '../progress.js';
import { renderCheckText } from '../render/check-text.js';
import { renderSarif } from '../render/sarif.js';
import { UsageError } from '../usage.js';
import { cliVersion } from '../version.js';

export async function runCheck(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCheckArgs(args);
  if (values.help) {
    const { USAGE } = await import('../usage.js');
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('check needs a domain, e-mail address or URL');
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const timeoutMs = values.timeout === undefined ? 3000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) throw new UsageError('--timeout must be a whole number of milliseconds from 1 to 60000');
  const urls = values.resolver ?? [];
  for (const url of urls) {
    const problem = validateResolverUrl(url);
    if (problem) throw new UsageError(`--resolver ${url}: ${problem}`);
  }
  const smtpPort = values['smtp-port'] === undefined ? 25 : Number(values['smtp-port']);
  if (!Number.isInteger(smtpPort) || smtpPort < 1 || smtpPort > 65535) throw new UsageError('--smtp-port must be a port number');

  const domains = positionals.map((input) => {
    const parsed = parseDomainInput(input);
    if (!parsed.ok) throw new UsageError(parsed.error);
    return parsed;
  });

  const { resolver, endpoints } = createResolver({ ...(urls.length > 0 && { urls }), timeoutMs });
  const compareResolvers = endpoints.map((endpoint, index) => ({
    url: endpoint instanceof DohResolver ? endpoint.url : `resolver ${index + 1}`,
    resolver: endpoint,
  }));
  const showProgress = io.stderr.isTTY === true && format === 'text' && !process.env['CI'];
  const progress = new ProgressResolver(resolver, io.stderr, showProgress);
  const reports: DomainReport[] = [];
  for (const parsed of domains) {
    progress.start(parsed.domain);
    try {
      const report = await checkDomain(parsed.domain, {
        resolver: progress,
        compareResolvers,
        ...(values.smtp && {
          transportProbe: (targets: readonly { host: string; address: string }[]) => probeSmtp([...targets], { port: smtpPort }),
        }),
      });
      reports.push(parsed.input.toLowerCase() === parsed.domain ? report : { ...report, input: parsed.input });
    } finally {
      progress.stop();
    }
  }

  if (format === 'json') io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else if (format === 'sarif') io.stdout.write(`${renderSarif(sortFindings(reports.flatMap((r) => r.findings)), cliVersion())}\n`);
  else io.stdout.write(renderCheckText(reports, painter(colourWanted(io.stdout, values.color))));

  if (reports.some((report) => report.verdict === 'could-not-check')) return 2;
  return reports.some((report) => report.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function parseCheckArgs(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      allowNegative: true,
      options: {
        format: { type: 'string', short: 'f' },
        resolver: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        smtp: { type: 'boolean' },
        // For tests: probe a port other than 25 (nothing else may listen on 25 on a test machine).
        'smtp-port': { type: 'string' },
        color: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
