/**
 * The live domain check as the Node front ends run it (`mx-doctor check`, the editor's "Check
 * domain"): one resolver stack from the configured resolver URLs (DoH, or plain DNS for
 * `dns://ADDRESS:PORT`), each endpoint on its own for the MX comparison (`resolvers-disagree`),
 * the authority step's direct questions, and the opt-in SMTP probe on the configured port.
 */
import { checkDomain, createResolver, validateResolverUrl, type AuthoritativeQuerier, type CreateResolverOptions, type DomainReport, type Resolver } from '@mx-doctor/core';
import { DirectQuerier, DnsResolver, parseDnsUrl } from '@mx-doctor/dns-direct';
import { probeSmtp } from '@mx-doctor/smtp-probe';
import { fetchMtaStsPolicy } from './policy-fetch.js';

/** The core's `createResolver` stack: what the checks ask, and each endpoint on its own. */
export interface LiveResolvers {
  /** Cache over failover over the endpoints: asks the plan's questions. */
  readonly resolver: Resolver;
  /** Each configured endpoint, un-cached, in order. */
  readonly endpoints: readonly (Resolver & { readonly url: string })[];
}

/** Why a resolver URL cannot be used here, or `undefined`: DoH URLs as the core rules, and `dns://ADDRESS[:PORT]`. */
export function validateLiveResolverUrl(url: string): string | undefined {
  if (!/^\s*dns:/i.test(url)) return validateResolverUrl(url);
  const parsed = parseDnsUrl(url.trim());
  return 'error' in parsed ? `resolver URL ${parsed.error}` : undefined;
}

/** The core's resolver stack, with `dns://` URLs served by the plain-DNS client. Throws for an invalid URL. */
export function createLiveResolver(options: Omit<CreateResolverOptions, 'plainDns'>): LiveResolvers {
  return createResolver({ ...options, plainDns: (url, { timeoutMs }) => new DnsResolver(url, timeoutMs === undefined ? {} : { timeoutMs }) });
}

/**
 * The port authoritative servers are asked on: 53, or `MXD_DNS_PORT` (test-only: a test's servers
 * listen on loopback addresses read from its zones, all on one port of its choosing).
 */
export function authoritativePort(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env['MXD_DNS_PORT'] ?? 53);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : 53;
}

/** The authority step's transport: questions straight to name servers, RD clear. */
export function authoritativeQuerier(options: { readonly timeoutMs?: number } = {}): AuthoritativeQuerier {
  return new DirectQuerier({ port: authoritativePort(), ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }) });
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
  /** Asks the zone's authoritative servers directly (the authority step); skipped when absent. */
  readonly authoritative?: AuthoritativeQuerier;
}

export function checkDomainLive(domain: string, options: CheckDomainLiveOptions): Promise<DomainReport> {
  const { resolvers, smtp } = options;
  const compareResolvers = resolvers.endpoints.map((endpoint) => ({ url: endpoint.url, resolver: endpoint }));
  return checkDomain(domain, {
    resolver: options.resolver ?? resolvers.resolver,
    compareResolvers,
    ...(options.authoritative && { authoritative: options.authoritative }),
    policyFetcher: fetchMtaStsPolicy(),
    ...(smtp?.enabled === true && {
      transportProbe: (targets: readonly { host: string; address: string }[]) => probeSmtp([...targets], { port: smtp.port }),
    }),
  });
}
