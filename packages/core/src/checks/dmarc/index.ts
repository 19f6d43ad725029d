/** The public face of the DMARC checks (RFC 7489): parser, checks, aggregators, summary. */

export { isDmarcRecord, parseDmarc, type DmarcPolicy, type DmarcSyntaxError, type DmarcTag, type ParsedDmarc } from './parse-dmarc.js';
export { dmarcTexts } from './dmarc-records.js';
export { checkDmarcMissing } from './dmarc-missing.js';
export { checkDmarcInvalid, dmarcInvalid } from './dmarc-invalid.js';
export { checkDmarcNotEnforced } from './dmarc-not-enforced.js';
export { appliedDmarc, type AppliedDmarc, type DmarcSource, type OrganisationalDmarc } from './applied-dmarc.js';
export { checkDmarcInherited } from './dmarc-inherited.js';
export { runDmarcChecks } from './run-dmarc-checks.js';
export { checkDmarcTexts } from './check-dmarc-texts.js';
export { describeDmarc } from './describe-dmarc.js';
