/**
 * The SPF checks for one domain, over the gathered tree. Rule zero: when the domain's own TXT
 * lookup failed nothing is said (the snapshot's aggregator reports that `lookup-failed`); failed
 * lookups inside the tree are reported here and silence only the checks that needed them.
 */
import type { Finding } from '../../findings/finding.js';
import type { SpfFacts } from './spf-facts.js';
import { checkSpfIncludeMissing } from './spf-include-missing.js';
import { checkSpfLookupFailed } from './spf-lookup-failed.js';
import { checkSpfMissing } from './spf-missing.js';
import { checkSpfMultiple } from './spf-multiple.js';
import { checkSpfPermissiveAll } from './spf-permissive-all.js';
import { checkSpfSyntax } from './spf-syntax.js';
import { checkSpfTooManyLookups } from './spf-too-many-lookups.js';
import { checkSpfTooManyVoidLookups } from './spf-too-many-void-lookups.js';

export function runSpfChecks(facts: SpfFacts): Finding[] {
  if (facts.root.status === 'failed') return [];
  return [
    ...checkSpfMissing(facts),
    ...checkSpfMultiple(facts),
    ...checkSpfSyntax(facts),
    ...checkSpfIncludeMissing(facts),
    ...checkSpfTooManyLookups(facts),
    ...checkSpfPermissiveAll(facts),
    ...checkSpfTooManyVoidLookups(facts),
    ...checkSpfLookupFailed(facts),
  ];
}
