/** The public face of the SPF checks (RFC 7208): parser, gatherer, checks, aggregators, summary. */

export type { ParsedSpf, SpfMechanism, SpfMechanismName, SpfModifier, SpfQualifier, SpfSyntaxError, SpfTerm } from './spf-term.js';
export { isSpfRecord, parseSpf } from './parse-spf.js';
export { spfTexts } from './spf-records.js';
export {
  countLookups,
  evaluatedTerms,
  SPF_LOOKUP_LIMIT,
  SPF_MX_NAME_LIMIT,
  SPF_VOID_LOOKUP_LIMIT,
  type SpfFacts,
  type SpfNode,
  type SpfNodeStatus,
  type SpfTargetLookup,
  type SpfVoidLookup,
} from './spf-facts.js';
export { checkSpfMissing } from './spf-missing.js';
export { checkSpfMultiple, mergeSpf } from './spf-multiple.js';
export { checkSpfSyntax } from './spf-syntax.js';
export { checkSpfIncludeMissing } from './spf-include-missing.js';
export { checkSpfTooManyLookups } from './spf-too-many-lookups.js';
export { checkSpfPermissiveAll } from './spf-permissive-all.js';
export { checkSpfTooManyVoidLookups } from './spf-too-many-void-lookups.js';
export { checkMxNullIncomplete } from './mx-null-incomplete.js';
export { runSpfChecks } from './run-spf-checks.js';
export { checkSpfTexts } from './check-spf-texts.js';
export { describeSpf } from './describe-spf.js';
