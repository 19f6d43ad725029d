/**
 * Who operates each MX target, for the provider checks (`mx-split-delivery`,
 * `mx-mixed-providers`, `mx-single`). A recognised provider is keyed by its id; any other host
 * by its registrable domain (`mx1.example.com` and `mx2.example.com` are one operator).
 */
import { matchProvider } from '../../providers/match-provider.js';
import { registrableDomain } from '../../providers/registrable-domain.js';
import type { Provider } from '../../providers/providers.js';
import { hasUsableTarget } from './host-name.js';
import type { MxEntry } from './mx-entry.js';
import { smallestOf } from '../../util/append.js';

export interface Operator {
  /** `provider:<id>` or `domain:<registrable domain>`. */
  readonly key: string;
  /** For a person: the provider's name, or `the servers at example.com`. */
  readonly label: string;
  readonly provider?: Provider;
}

export function operatorOf(exchange: string): Operator {
  const provider = matchProvider(exchange);
  if (provider !== undefined) return { key: `provider:${provider.id}`, label: provider.name, provider };
  const domain = registrableDomain(exchange);
  return { key: `domain:${domain}`, label: `the servers at ${domain}` };
}

/** Usable entries (not null, not IP literal, valid name) with their operator. */
export function operatedEntries(entries: readonly MxEntry[]): { readonly entry: MxEntry; readonly operator: Operator }[] {
  return entries.filter((entry) => hasUsableTarget(entry)).map((entry) => ({ entry, operator: operatorOf(entry.exchange) }));
}

/**
 * Whether the set could have two operators, one of them a recognised provider: at least two usable
 * hosts, one recognised. Asked first, so that a set which cannot (most sets: one operator) costs
 * no operator keys and no Public Suffix List lookups.
 */
export function mayMixOperators(entries: readonly MxEntry[]): boolean {
  if (entries.length < 2) return false;
  let usable = 0;
  let recognised = false;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k]!;
    if (!hasUsableTarget(entry)) continue;
    usable++;
    recognised ||= matchProvider(entry.exchange) !== undefined;
  }
  return usable >= 2 && recognised;
}

/** Distinct operators in order of first appearance. */
export function distinctOperators(items: readonly { readonly operator: Operator }[]): Operator[] {
  const seen = new Map<string, Operator>();
  for (const { operator } of items) if (!seen.has(operator.key)) seen.set(operator.key, operator);
  return [...seen.values()];
}

/**
 * Operators that share the lowest preference, when more than one does and at least one is a
 * recognised provider (two unrecognised domains may well be one operator): mail is split.
 */
export function splitAtLowestPreference(entries: readonly MxEntry[]): { readonly preference: number; readonly operators: Operator[] } | undefined {
  if (!mayMixOperators(entries)) return undefined;
  const items = operatedEntries(entries);
  if (items.length === 0) return undefined;
  const lowest = smallestOf(items, (item) => item.entry.preference);
  const operators = distinctOperators(items.filter((item) => item.entry.preference === lowest));
  if (operators.length < 2 || !operators.some((operator) => operator.provider !== undefined)) return undefined;
  return { preference: lowest, operators };
}

export function listLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
