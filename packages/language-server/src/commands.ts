/** `workspace/executeCommand` handlers: `mxDoctor.checkDomain [domain]` → the core's `DomainReport`. */
import { checkDomain, DohResolver, parseDomainInput, type DomainReport } from '@mx-doctor/core';
import { probeSmtp } from '@mx-doctor/smtp-probe';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { LiveTargets } from './live-cache.js';
import type { Settings } from './settings.js';

export async function runCheckDomain(args: readonly unknown[] | undefined, settings: Settings, trusted: boolean, live: LiveTargets): Promise<DomainReport> {
  if (!trusted) throw new ResponseError(ErrorCodes.InvalidRequest, 'Live DNS lookups are off in untrusted workspaces: trust the workspace to check a domain.');
  const raw = args?.[0];
  if (typeof raw !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'mxDoctor.checkDomain takes one argument: the domain to check.');
  const input = parseDomainInput(raw);
  if (!input.ok) throw new ResponseError(ErrorCodes.InvalidParams, input.error);
  const { resolver, endpoints } = live.resolverFor(settings);
  const compareResolvers = endpoints.map((endpoint, index) => ({ url: endpoint instanceof DohResolver ? endpoint.url : `resolver ${index + 1}`, resolver: endpoint }));
  return checkDomain(input.domain, {
    resolver,
    compareResolvers,
    ...(settings.smtpProbe && { transportProbe: (targets: readonly { host: string; address: string }[]) => probeSmtp([...targets]) }),
  });
}
