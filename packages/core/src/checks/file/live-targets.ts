/**
 * Live lookups for the MX targets a file cannot judge itself (outside its zone), through the same
 * plan branch the domain check uses, so file and live findings agree.
 */
import type { Resolver } from '../../dns/types.js';
import type { ReadResult } from '../../readers/read-result.js';
import { gatherTarget } from '../../plan/gather.js';
import type { TargetFacts } from '../../plan/snapshot.js';
import { externalTargets } from './check-file.js';

export async function lookupExternalTargets(read: ReadResult, resolver: Resolver): Promise<Map<string, TargetFacts>> {
  const names = externalTargets(read);
  const facts = await Promise.all(names.map((name) => gatherTarget(resolver, name)));
  return new Map(facts.map((target) => [target.name, target]));
}
