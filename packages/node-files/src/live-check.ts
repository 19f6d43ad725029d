/**
 * The live domain check as the Node front ends run it (`mx-doctor check`, the editor's "Check
 * domain"): one resolver stack from the configured DoH URLs, each endpoint on its own for the
 * MX comparison (`resolvers-disagree`), and the opt-in SMTP probe on the configured port.
 */
import { checkDomain, DohResolver, type DomainReport, type Resolver } from '@mx-doctor/core';
import { probeSmtp } from '@mx-doctor/smtp-probe';

/** The core's `createResolver` stack: what the checks ask, and each endpoint on its own. */
export interface LiveResolvers {
  /** Cache over failover over the endpoints: asks the plan's questions. */
  readonly resolver: Resolver;
  /** Each configured DoH endpoint, un-cached, in order. */
  readonly endpoints: readonly Resolver[];
}

export interface SmtpProbeSetting {
  /** Off unless asked: the probe connects to other people's mail servers. */
  readonly enabled: boolean;
  /** 25, or another port for a test server or a port forward. */
  readonly port: number;
}

export interface CheckDomainLiveOptions {
  readonly resolvers: LiveResolvers;
  /** Asks the plan's questions in place of `resolvers.resolver` (the CLI wraps it to show progress). */
  readonly resolver?: Resolver;
  readonly smtp?: SmtpProbeSetting;
}

export function checkDomainLive(domain: string, options: CheckDomainLiveOptions): Promise<DomainReport> {
  const { resolvers, smtp } = options;
  const compareResolvers = resolvers.endpoints.map((endpoint, index) => ({
    url: endpoint instanceof DohResolver ? endpoint.url : `resolver ${index + 1}`,
    resolver: endpoint,
  }));
  return checkDomain(domain, {
    resolver: options.resolver ?? resolvers.resolver,
    compareResolvers,
    ...(smtp?.enabled === true && {
      transportProbe: (targets: readonly { host: string; address: string }[]) => probeSmtp([...targets], { port: smtp.port }),
    }),
  });
}
