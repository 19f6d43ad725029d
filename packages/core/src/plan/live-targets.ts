/**
 * Live lookups for the MX targets a file cannot judge itself (outside its zone), through the same
 * plan branch the domain check uses, so file and live findings agree.
 */
import type { Resolver } from '../dns/types.js';
import type { ReadResult } from '../facts/read-result.js';
import { gatherTarget } from './gather.js';
import type { TargetFacts } from '../facts/snapshot.js';
import { externalTargets } from '../checks/file/check-file.js';

export async function lookupExternalTargets(read: ReadResult, resolver: Resolver): Promise<Map<string, TargetFacts>> {
  const names = externalTargets(read);
  const facts = await Promise.all(names.map((name) => gatherTarget(resolver, name)));
  return new Map(facts.map((target) => [target.name, target]));
}
