/**
 * Live lookups for the MX targets a file cannot judge itself (outside its zone), through the same
 * plan branch the domain check uses, so file and live findings agree.
 *
 * Bounded: the first MAX_LIVE_TARGETS distinct targets in file order are looked up (each is about
 * four questions, and a generated zone may name thousands); the others get the file's own checks
 * only, and the caller says how many were left out.
 */
import type { Resolver } from '../dns/types.js';
import type { ReadResult } from '../facts/read-result.js';
import { gatherTarget } from './gather.js';
import type { TargetFacts } from '../facts/snapshot.js';
import { externalTargets } from '../checks/file/check-file.js';

export const MAX_LIVE_TARGETS = 64;

/** The names to look up live, and how many of `names` were left out. */
export function liveTargetNames(names: readonly string[]): { readonly asked: readonly string[]; readonly skipped: number } {
  return { asked: names.slice(0, MAX_LIVE_TARGETS), skipped: Math.max(0, names.length - MAX_LIVE_TARGETS) };
}

export async function lookupExternalTargets(read: ReadResult, resolver: Resolver): Promise<{ readonly targets: Map<string, TargetFacts>; readonly skipped: number }> {
  const { asked, skipped } = liveTargetNames(externalTargets(read));
  const facts = await Promise.all(asked.map((name) => gatherTarget(resolver, name)));
  return { targets: new Map(facts.map((target) => [target.name, target])), skipped };
}
