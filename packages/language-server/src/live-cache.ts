/**
 * Live facts about MX targets outside a file's zone. One long-lived resolver stack per settings
 * (cache → failover → DoH clients: answers kept for their TTL, identical questions in flight
 * shared), plus a short memo of whole `TargetFacts` so re-checking on every edit asks nothing new.
 * Failures are not cached by the resolver (rule zero); the memo keeps them briefly so that typing
 * next to a dead resolver does not hammer it, then asks again.
 */
import { detached, gatherLivePolicy, gatherLiveZone, gatherTarget, type LiveZone, type PolicyFetch, type Resolver, type TargetFacts } from '@mx-doctor/core';
import { authoritativeQuerier, createLiveResolver, fetchMtaStsPolicy } from '@mx-doctor/node-files';
import type { LiveResolvers } from '@mx-doctor/node-files';
import type { Settings } from './settings.js';

/** How long a target's facts are reused before asking the (caching) resolver again. */
const FRESH_MS = 60_000;
/** How long a target whose lookups failed waits before it is asked again. */
const FAILED_MS = 15_000;

interface Memo {
  readonly facts: Promise<TargetFacts>;
  /** Set once the lookups have finished. */
  value?: TargetFacts;
  expires: number;
}

export class LiveTargets {
  private stack: (LiveResolvers & { key: string }) | undefined;
  private readonly memo = new Map<string, Memo>();
  /** The last live zone asked (one: an editor works on one zone at a time). */
  private zone: { key: string; value: Promise<LiveZone | undefined>; expires: number } | undefined;
  /** MTA-STS policies by domain, remembered like the zone's answers (at most 64 domains). */
  private readonly policies = new Map<string, { value: Promise<PolicyFetch | undefined>; expires: number }>();
  /** Names looked up so far (for tests and logs). */
  lookups = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The shared resolver stack for these settings (rebuilt, and the memo cleared, when they change). */
  resolverFor(settings: Settings): LiveResolvers {
    const key = JSON.stringify([settings.resolvers, settings.timeoutMs]);
    if (this.stack?.key !== key) {
      this.stack = { ...createLiveResolver({ urls: settings.resolvers, timeoutMs: settings.timeoutMs }), key };
      this.memo.clear();
    }
    return this.stack;
  }

  /**
   * Facts for the external targets `names` of a read (`FileCheck.external` as `liveTargetNames` bounds it),
   * keyed by name: what `checkFile` takes as `liveTargets`.
   */
  async lookup(names: readonly string[], settings: Settings): Promise<Map<string, TargetFacts>> {
    const { resolver } = this.resolverFor(settings);
    const facts = await Promise.all(names.map((name) => this.target(name, resolver)));
    return new Map(facts.map((target) => [target.name, target]));
  }

  /**
   * What the name servers of `zone` serve now at `owners` (the authority step and direct
   * questions), remembered per zone and owners for a short while: an edit re-asks only when the
   * owners change or the answer is old.
   */
  liveZone(zone: string, owners: readonly string[], settings: Settings): Promise<LiveZone | undefined> {
    const key = JSON.stringify([zone, [...owners].sort()]);
    const now = this.now();
    if (this.zone?.key === key && now < this.zone.expires) return this.zone.value;
    const { resolver } = this.resolverFor(settings);
    const value = gatherLiveZone(resolver, authoritativeQuerier({ timeoutMs: settings.timeoutMs }), detached(zone), owners.map(detached));
    this.zone = { key: detached(key), value, expires: now + FRESH_MS };
    return value;
  }

  /** The MTA-STS policy `domain` publishes now (record, then policy file), remembered 60 s. */
  livePolicy(domain: string, settings: Settings): Promise<PolicyFetch | undefined> {
    const now = this.now();
    const cached = this.policies.get(domain);
    if (cached && now < cached.expires) return cached.value;
    const { resolver } = this.resolverFor(settings);
    const value = gatherLivePolicy(resolver, detached(domain), fetchMtaStsPolicy({ timeoutMs: settings.timeoutMs }));
    this.policies.set(detached(domain), { value, expires: now + FRESH_MS });
    if (this.policies.size > 64) this.policies.delete(this.policies.keys().next().value!);
    return value;
  }

  /** The fresh, finished facts among `names`, without asking anything. */
  knownNow(names: readonly string[]): Map<string, TargetFacts> {
    const now = this.now();
    const known = new Map<string, TargetFacts>();
    for (const name of names) {
      const memo = this.memo.get(name);
      if (memo?.value && now < memo.expires) known.set(name, memo.value);
    }
    return known;
  }

  private target(name: string, resolver: Resolver): Promise<TargetFacts> {
    const now = this.now();
    const cached = this.memo.get(name);
    if (cached && now < cached.expires) return cached.facts;
    this.lookups++;
    // Kept across edits: a copy of the name, not a view into this version of the document.
    const own = detached(name);
    const entry: Memo = { facts: gatherTarget(resolver, own), expires: Number.POSITIVE_INFINITY };
    this.memo.set(own, entry);
    void entry.facts.then((facts) => {
      entry.value = facts;
      entry.expires = this.now() + (failed(facts) ? FAILED_MS : FRESH_MS);
    });
    if (this.memo.size > 5000) this.memo.delete(this.memo.keys().next().value!);
    return entry.facts;
  }
}

function failed(facts: TargetFacts): boolean {
  return facts.a.kind === 'failed' || facts.aaaa.kind === 'failed' || facts.addresses.some((address) => address.ptr.kind === 'failed');
}
