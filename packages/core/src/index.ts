/**
 * @mx-doctor/core: the public surface. Explicit exports only, so what front ends may rely on is
 * written down here.
 */

// Findings and the catalogue (the contract in shared/checks.md)
export { CATALOGUE, FINDING_IDS, severityRank, type CatalogueEntry, type FindingId, type Severity } from './findings/catalogue.js';
export { deferredFinding, finding, placedAt, plainFinding, sortFindings, type Finding, type FindingDetails, type FindingWriter, type Position, type SourceRange } from './findings/finding.js';

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
export { arrayTable, joinedText, tableOf, type RecordTable } from './readers/record-table.js';

// Checking a domain end to end
export { checkDomain, checkDomainWithFacts, type CheckDomainOptions, type DomainCheck } from './plan/check-domain.js';
export { verdictOf } from './plan/verdict.js';

// Checks and helpers the front ends and the file checks reuse
export { offersStarttls } from './checks/smtp/index.js';
export { matchProvider, isSingleMxRedundant } from './providers/match-provider.js';
export { PROVIDERS, type Provider } from './providers/providers.js';
export { parentDomain, useRegistrableDomain, type RegistrableDomain } from './providers/registrable-domain.js';
export { mxEntriesFrom, type MxEntry } from './checks/mx/mx-entry.js';
export { runLiveMxChecks, runLiveTargetChecks, runMxSetChecks } from './checks/mx/run-mx-checks.js';
export { buildMxTable } from './checks/mx/mx-table.js';
export { mxTargetCnameFinding } from './checks/mx/mx-target-cname.js';
export { mxTargetNoAddressFinding } from './checks/mx/mx-target-no-address.js';
export { domainCnameFinding } from './checks/domain/domain-cname.js';
export { hostNameProblem, isIpLiteral, isUsableTarget } from './checks/mx/host-name.js';
export { classifyAddress, isPublicAddress } from './checks/address/ip-ranges.js';
export { checkSpfTexts, describeSpf, gatherSpf, isSpfRecord, parseSpf, runSpfChecks, type SpfFacts } from './checks/spf/index.js';
export { checkDmarcTexts, describeDmarc, isDmarcRecord, parseDmarc, runDmarcChecks } from './checks/dmarc/index.js';
export { gatherSnapshot, startApexQueries } from './plan/gather.js';
export { lookupFollowingChain, cnameChain } from './plan/follow-chain.js';

// File checks (zone files, Terraform)
export { looksLikeZoneText, ZONE_SNIFF_CHARS, ReadBuffers, readZone, originFromFileName, type ReadZoneOptions, type ReadInclude, type IncludeResult } from './readers/zone/index.js';
export { checkFile, externalTargets, fileAliasChain, fileMxSets, type FileCheck, type FileCheckOptions } from './checks/file/check-file.js';
export { lookupExternalTargets } from './checks/file/live-targets.js';
export { SetCheckCache } from './checks/file/set-check-cache.js';
export type { FileMxRecord } from './checks/file/file-mx.js';
export { gatherTarget } from './plan/gather.js';
export { detached } from './util/detached.js';

// Showing DNS and file data to people: on a terminal, and in Markdown
export { escapeControls, type EscapeControlsOptions } from './report/escape-controls.js';
export { escapeMarkdown, markdownCodeSpan, type MarkdownCodeSpanOptions } from './report/markdown-text.js';
export { appendAll, largestOf, smallestOf } from './util/append.js';
