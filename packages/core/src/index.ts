/**
 * @mx-doctor/core: the public surface. Explicit exports only, so what front ends may rely on is
 * written down here.
 */

// Findings and the catalogue (the contract in shared/checks.md)
export { CATALOGUE, FINDING_IDS, severityRank, type CatalogueEntry, type FindingId, type Severity } from './findings/catalogue.js';
export { finding, sortFindings, type Finding, type FindingDetails, type Position, type SourceRange } from './findings/finding.js';

// DNS: types, the DoH client, failover, cache
export {
  normalizeName,
  recordsOf,
  txtText,
  type DnsRecord,
  type FailureReason,
  type LookupOptions,
  type LookupResult,
  type MxData,
  type Question,
  type RecordOf,
  type RecordType,
  type Resolver,
} from './dns/types.js';
export { DohResolver, validateResolverUrl, type DohResolverOptions } from './dns/doh-client.js';
export { DEFAULT_RESOLVERS, FailoverResolver, createResolver, type CreateResolverOptions } from './dns/resolver-list.js';
export { CachingResolver } from './dns/cache.js';

// Input, the query plan and the report
export { parseDomainInput, type DomainInput } from './input/domain-input.js';
export { reverseName } from './checks/ptr/reverse-name.js';
export type { AddressFacts, MailDnsSnapshot, TargetFacts } from './plan/snapshot.js';
export type { DomainReport, MxTableAddress, MxTableRow, Verdict } from './plan/report.js';

// Transport (SMTP) checks: the pure half; the probe itself is in @mx-doctor/smtp-probe
export { parseSmtpReply, runSmtpChecks, type SmtpOutcome, type SmtpProbeResult, type SmtpReply } from './checks/smtp/index.js';

// File readers
export type { Field, FileRecord, ReadResult } from './readers/file-record.js';
