/** `workspace/executeCommand` handlers: `mxDoctor.checkDomain [domain]` → the core's `DomainReport`. */
import { parseDomainInput, type DomainReport } from '@mx-doctor/core';
import { authoritativeQuerier, checkDomainLive } from '@mx-doctor/node-files';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { LiveTargets } from './live-cache.js';
import type { Settings } from './settings.js';

export async function runCheckDomain(args: readonly unknown[] | undefined, settings: Settings, trusted: boolean, live: LiveTargets): Promise<DomainReport> {
  if (!trusted) throw new ResponseError(ErrorCodes.InvalidRequest, 'Live DNS lookups are off in untrusted workspaces: trust the workspace to check a domain.');
  const raw = args?.[0];
  if (typeof raw !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'mxDoctor.checkDomain takes one argument: the domain to check.');
  const input = parseDomainInput(raw);
  if (!input.ok) throw new ResponseError(ErrorCodes.InvalidParams, input.error);
  // The same setup as `mx-doctor check` (node-files): the authority step, the settings' SMTP port.
  return checkDomainLive(input.domain, {
    resolvers: live.resolverFor(settings),
    smtp: { enabled: settings.smtpProbe, port: settings.smtpPort },
    authoritative: authoritativeQuerier({ timeoutMs: settings.timeoutMs }),
  });
}
