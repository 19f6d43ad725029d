/**
 * @mx-doctor/core: the public surface. Explicit exports only, so what front ends may rely on is
 * written down here.
 */

// Findings and the catalogue (the contract in shared/checks.md)
export { severityRank, type CatalogueEntry, type Severity } from './findings/catalogue.js';
export { CATALOGUE, FINDING_IDS, checkOf, sortFindings, type FindingId } from './checks/catalogue.js';
export { syntaxCheck } from './checks/file/syntax.js';
export { mxTargetUnresolvedExpressionCheck } from './checks/file/mx-target-unresolved-expression.js';
export { finding, plainFinding, type Finding, type Position, type SourceRange } from './findings/finding.js';
export { FINDINGS_DOCS_URL, REPOSITORY_URL, findingDocsUrl } from './findings/docs-links.js';
export { closestId } from './findings/closest-id.js';

// Suppression comments and a project's rule settings, applied after the checks (suppressions/)
export type { CommentSyntax } from './suppressions/suppression-comments.js';
export { filterFileFindings, type FileFindingsFilter } from './suppressions/filter-file-findings.js';
export { applyRuleSettingsToReport, RULE_SETTINGS, type RuleSetting } from './suppressions/rule-settings.js';
export { disableNextLineEdit, type DisableLineRequest } from './suppressions/disable-comment-edit.js';

// DNS: types, the DoH client, failover, cache
export { normalizeName, recordsOf, type DnsRecord, type FailureReason, type LookupOptions, type LookupResult, type MxData, type Question, type RecordOf, type RecordType, type Resolver } from './dns/types.js';
export { validateResolverUrl, type DohResolverOptions } from './dns/doh-client.js';
export { encodeQuery } from './dns/query-message.js';
export { interpretResponse, type Interpreted } from './dns/interpret-response.js';
export type { AuthoritativeQuerier, DirectReply } from './plan/gather-authority.js';
export { DEFAULT_RESOLVERS, createResolver, type CreateResolverOptions } from './dns/resolver-list.js';

// Input, the query plan and the report
export { parseDomainInput, type DomainInput } from './input/domain-input.js';
export type { PolicyFetch, PolicyFetcher, PolicyFetchFailure, PolicyFetchRequest, TargetFacts } from './facts/snapshot.js';
export type { AuthorityTableRow, DomainReport, MxTableRow, Verdict } from './plan/report.js';

// Transport (SMTP) checks: the pure half; the probe itself is in @mx-doctor/smtp-probe
export { parseSmtpReply, runSmtpChecks, type SmtpCertificate, type SmtpOutcome, type SmtpProbeResult, type SmtpTlsFacts } from './checks/smtp/index.js';

// File readers
export type { Field, FileRecord } from './facts/file-record.js';
export { tableOf, type ReadResult } from './facts/read-result.js';
export { joinedText, type RecordTable } from './facts/record-table.js';

// Checking a domain end to end
export { checkDomain, type CheckDomainOptions } from './plan/check-domain.js';

// Checks and helpers the front ends and the file checks reuse
export { offersStarttls } from './checks/smtp/index.js';
export { matchProvider } from './providers/match-provider.js';
export { PROVIDERS, type Provider } from './providers/providers.js';
export { useRegistrableDomain } from './providers/registrable-domain.js';
export { isSpfRecord, parseSpf } from './checks/spf/index.js';
export { isDmarcRecord, parseDmarc } from './checks/dmarc/index.js';
export { cnameChain } from './plan/follow-chain.js';

// File checks (zone files, Terraform)
export { looksLikeZoneText, ZONE_SNIFF_CHARS, ReadBuffers, readZone, type ReadZoneOptions, type ReadInclude, type IncludeResult } from './readers/zone/index.js';
export { checkFile, mailOwners, type FileCheck, type FileCheckOptions } from './checks/file/check-file.js';
export { gatherLiveZone, liveRRsetsOf, mxPublishedOn, type LiveZone } from './plan/gather-live-zone.js';
export { gatherLivePolicy } from './plan/gather.js';
export { lookupExternalTargets, liveTargetNames, MAX_LIVE_TARGETS } from './plan/live-targets.js';
export { SetCheckCache } from './checks/file/set-check-cache.js';
export type { FileMxRecord } from './checks/file/file-mx.js';
export { gatherTarget } from './plan/gather.js';
export { detached } from './util/detached.js';

// Showing DNS and file data to people: on a terminal, and in Markdown; the one report vocabulary
export { escapeControls, type EscapeControlsOptions } from './report/escape-controls.js';
export { escapeMarkdown, markdownCodeSpan, type MarkdownCodeSpanOptions } from './report/markdown-text.js';
export { reportMarkdown, type ReportMarkdownOptions } from './report/report-markdown.js';
export { DMARC_POLICY_WORDS, FINDING_FIELD_LABEL, REPORT_WORDS, SPF_QUALIFIER_WORDS, mxRankText, mxStatusText, severityCounts, severityLabel, VERDICTS, verdictText } from './report/vocabulary.js';
export { appendAll } from './util/append.js';
