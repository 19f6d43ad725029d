/**
 * The catalogue: every check MX Doctor has, in the contract's order (`docs/checks.md`, the copy of
 * `shared/checks.md`; a test keeps them equal), which is also the order findings of equal severity
 * are listed in. Last come the ids about MX Doctor's own input (suppression comments), which are
 * not mail-DNS findings and so not in the contract: `docs/configuration.md` lists them. Each check is its own catalogue row (its module says severity, title, rule and
 * scope). The runners, the file checks' placement and the editor's quick fixes read this list, so a
 * new id is its module, its test, its line here and its section of the docs.
 */
import { severityRank, type CatalogueEntry } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import type { FileVariant, LiveVariant } from './check.js';
import { dmarcInheritedCheck } from './dmarc/dmarc-inherited.js';
import { dmarcInvalidCheck } from './dmarc/dmarc-invalid.js';
import { dmarcMissingCheck } from './dmarc/dmarc-missing.js';
import { dmarcNotEnforcedCheck } from './dmarc/dmarc-not-enforced.js';
import { domainCnameCheck } from './domain/domain-cname.js';
import { domainNxdomainCheck } from './domain/domain-nxdomain.js';
import { lookupFailedCheck } from './resolver/lookup-failed.js';
import { mxAllTargetsBrokenCheck } from './mx/mx-all-targets-broken.js';
import { mxDuplicateCheck } from './mx/mx-duplicate.js';
import { mxHostsTruncatedCheck } from './mx/mx-hosts-truncated.js';
import { mxMissingCheck } from './mx/mx-missing.js';
import { mxMixedProvidersCheck } from './mx/mx-mixed-providers.js';
import { mxNullCheck } from './mx/mx-null.js';
import { mxNullIncompleteCheck } from './spf/mx-null-incomplete.js';
import { mxNullMixedCheck } from './mx/mx-null-mixed.js';
import { mxNullNonzeroPreferenceCheck } from './mx/mx-null-nonzero-preference.js';
import { mxPriorityRangeCheck } from './file/mx-priority-range.js';
import { mxProviderIncompleteCheck } from './mx/mx-provider-incomplete.js';
import { mxSamePriorityCheck } from './mx/mx-same-priority.js';
import { mxSingleCheck } from './mx/mx-single.js';
import { mxSplitDeliveryCheck } from './mx/mx-split-delivery.js';
import { mxSyntaxCheck } from './file/mx-syntax.js';
import { mxTargetCnameCheck } from './mx/mx-target-cname.js';
import { mxTargetInvalidNameCheck } from './mx/mx-target-invalid-name.js';
import { mxTargetIpLiteralCheck } from './mx/mx-target-ip-literal.js';
import { mxTargetIpv6OnlyCheck } from './address/mx-target-ipv6-only.js';
import { mxTargetNoAddressCheck } from './mx/mx-target-no-address.js';
import { mxTargetNxdomainCheck } from './mx/mx-target-nxdomain.js';
import { mxTargetPrivateAddressCheck } from './address/mx-target-private-address.js';
import { mxTargetPtrMismatchCheck } from './ptr/mx-target-ptr-mismatch.js';
import { mxTargetPtrMissingCheck } from './ptr/mx-target-ptr-missing.js';
import { mxTargetRelativeCheck } from './file/mx-target-relative.js';
import { mxTargetUnresolvedExpressionCheck } from './file/mx-target-unresolved-expression.js';
import { mxTtlHighCheck } from './mx/mx-ttl-high.js';
import { resolversDisagreeCheck } from './resolver/resolvers-disagree.js';
import { smtpBadGreetingCheck } from './smtp/smtp-bad-greeting.js';
import { smtpHostUnreachableCheck } from './smtp/smtp-host-unreachable.js';
import { smtpNoStarttlsCheck } from './smtp/smtp-no-starttls.js';
import { smtpUnreachableCheck } from './smtp/smtp-unreachable.js';
import { spfIncludeMissingCheck } from './spf/spf-include-missing.js';
import { spfMissingCheck } from './spf/spf-missing.js';
import { spfMultipleCheck } from './spf/spf-multiple.js';
import { spfPermissiveAllCheck } from './spf/spf-permissive-all.js';
import { spfSyntaxCheck } from './spf/spf-syntax.js';
import { spfTooManyLookupsCheck } from './spf/spf-too-many-lookups.js';
import { spfTooManyVoidLookupsCheck } from './spf/spf-too-many-void-lookups.js';
import { syntaxCheck } from './file/syntax.js';
import { dnssecMissingCheck } from './dnssec/dnssec-missing.js';
import { dnssecBogusCheck } from './dnssec/dnssec-bogus.js';
import { mxTargetDnssecBogusCheck } from './dnssec/mx-target-dnssec-bogus.js';
import { dnssecSignatureExpiringCheck } from './dnssec/dnssec-signature-expiring.js';
import { mtaStsRecordInvalidCheck } from './mta-sts/mta-sts-record-invalid.js';
import { tlsrptInvalidCheck } from './tlsrpt/tlsrpt-invalid.js';
import { tlsrptMissingCheck } from './tlsrpt/tlsrpt-missing.js';
import { daneTlsaInsecureCheck } from './dane/dane-tlsa-insecure.js';
import { daneTlsaUnusableCheck } from './dane/dane-tlsa-unusable.js';
import { danePartialCheck } from './dane/dane-partial.js';
import { tlsaLookupFailedCheck } from './dane/tlsa-lookup-failed.js';
import { daneNoRolloverCheck } from './dane/dane-no-rollover.js';
import { mtaStsPolicyUnavailableCheck } from './mta-sts/mta-sts-policy-unavailable.js';
import { mtaStsPolicyInvalidCheck } from './mta-sts/mta-sts-policy-invalid.js';
import { mtaStsMxMismatchCheck } from './mta-sts/mta-sts-mx-mismatch.js';
import { smtpCertInvalidCheck } from './smtp/smtp-cert-invalid.js';
import { daneTlsaMismatchCheck } from './dane/dane-tlsa-mismatch.js';
import { smtpTlsOldCheck } from './smtp/smtp-tls-old.js';
import { tlsaSyntaxCheck } from './dane/tlsa-syntax.js';
import { nsLameCheck } from './authority/ns-lame.js';
import { nsDelegationMismatchCheck } from './authority/ns-delegation-mismatch.js';
import { nsMxInconsistentCheck } from './authority/ns-mx-inconsistent.js';
import { nsSpfInconsistentCheck } from './authority/ns-spf-inconsistent.js';
import { nsDmarcInconsistentCheck } from './authority/ns-dmarc-inconsistent.js';
import { nsSerialMismatchCheck } from './authority/ns-serial-mismatch.js';
import { nsSingleCheck } from './authority/ns-single.js';
import { mxPropagationPendingCheck } from './authority/mx-propagation-pending.js';
import { fileDiffersFromLiveCheck } from './authority/file-differs-from-live.js';
import { suppressionUnusedCheck } from './suppression/suppression-unused.js';

export const CHECKS = [
  domainNxdomainCheck,
  mxMissingCheck,
  mxNullCheck,
  mxNullMixedCheck,
  mxNullNonzeroPreferenceCheck,
  domainCnameCheck,
  mxTargetIpLiteralCheck,
  mxTargetInvalidNameCheck,
  mxTargetCnameCheck,
  mxTargetNxdomainCheck,
  mxTargetNoAddressCheck,
  mxTargetPrivateAddressCheck,
  mxTargetIpv6OnlyCheck,
  mxAllTargetsBrokenCheck,
  mxDuplicateCheck,
  mxSingleCheck,
  mxSamePriorityCheck,
  mxSplitDeliveryCheck,
  mxMixedProvidersCheck,
  mxProviderIncompleteCheck,
  mxTtlHighCheck,
  mxTargetPtrMissingCheck,
  mxTargetPtrMismatchCheck,
  resolversDisagreeCheck,
  spfMissingCheck,
  spfMultipleCheck,
  spfSyntaxCheck,
  spfIncludeMissingCheck,
  spfTooManyLookupsCheck,
  spfPermissiveAllCheck,
  spfTooManyVoidLookupsCheck,
  mxNullIncompleteCheck,
  dmarcMissingCheck,
  dmarcInvalidCheck,
  dmarcNotEnforcedCheck,
  dmarcInheritedCheck,
  mxHostsTruncatedCheck,
  lookupFailedCheck,
  smtpUnreachableCheck,
  smtpHostUnreachableCheck,
  smtpBadGreetingCheck,
  smtpNoStarttlsCheck,
  nsLameCheck,
  nsDelegationMismatchCheck,
  nsMxInconsistentCheck,
  nsSpfInconsistentCheck,
  nsDmarcInconsistentCheck,
  nsSerialMismatchCheck,
  nsSingleCheck,
  mxPropagationPendingCheck,
  fileDiffersFromLiveCheck,
  dnssecMissingCheck,
  dnssecBogusCheck,
  mxTargetDnssecBogusCheck,
  dnssecSignatureExpiringCheck,
  mtaStsRecordInvalidCheck,
  mtaStsPolicyUnavailableCheck,
  mtaStsPolicyInvalidCheck,
  mtaStsMxMismatchCheck,
  tlsrptInvalidCheck,
  tlsrptMissingCheck,
  daneTlsaInsecureCheck,
  daneTlsaUnusableCheck,
  danePartialCheck,
  tlsaLookupFailedCheck,
  daneNoRolloverCheck,
  tlsaSyntaxCheck,
  smtpCertInvalidCheck,
  daneTlsaMismatchCheck,
  smtpTlsOldCheck,
  syntaxCheck,
  mxSyntaxCheck,
  mxPriorityRangeCheck,
  mxTargetRelativeCheck,
  mxTargetUnresolvedExpressionCheck,
  // Outside the contract (docs/configuration.md): about MX Doctor's own suppression comments.
  suppressionUnusedCheck,
] as const;

type AnyCheck = (typeof CHECKS)[number];

/** Every id MX Doctor can report. */
export type FindingId = AnyCheck['id'];

export const FINDING_IDS: readonly FindingId[] = CHECKS.map((check) => check.id);

/** The catalogue rows by id, as plain data (for rule lists: SARIF, the docs page). */
export const CATALOGUE = Object.fromEntries(
  CHECKS.map(({ id, severity, scope, title, ...rest }) => [id, { severity, scope, title, ...('rfc' in rest && rest.rfc !== undefined && { rfc: rest.rfc }) }]),
) as Record<FindingId, CatalogueEntry>;

const BY_ID: ReadonlyMap<string, AnyCheck> = new Map(CHECKS.map((check) => [check.id, check]));
const ORDER: ReadonlyMap<string, number> = new Map(CHECKS.map((check, index) => [check.id, index]));

/** The check of `id`; `undefined` for an id no check reports (e.g. a diagnostic of another tool). */
export function checkOf(id: string): AnyCheck | undefined {
  return BY_ID.get(id);
}

/** The live variants that read `on`'s facts, each with its check's id, in catalogue order. */
export function liveVariants<On extends LiveVariant['on']>(on: On): readonly { readonly id: FindingId; readonly variant: Extract<LiveVariant, { on: On }> }[] {
  return CHECKS.flatMap((check: AnyCheck) =>
    (check.live ?? []).filter((variant): variant is Extract<LiveVariant, { on: On }> => variant.on === on).map((variant) => ({ id: check.id, variant })),
  );
}

/** The file variants that read `on`'s part of a file, each with its check's id, in catalogue order. */
export function fileVariants<On extends FileVariant['on']>(on: On): readonly { readonly id: FindingId; readonly variant: Extract<FileVariant, { on: On }> }[] {
  return CHECKS.flatMap((check: AnyCheck) =>
    (check.file ?? []).filter((variant): variant is Extract<FileVariant, { on: On }> => variant.on === on).map((variant) => ({ id: check.id, variant })),
  );
}

/** Worst first; ties keep catalogue order then subject, so output is stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (ORDER.get(a.id) ?? 0) - (ORDER.get(b.id) ?? 0) ||
      a.subject.localeCompare(b.subject),
  );
}
