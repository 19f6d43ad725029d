/**
 * Which provider runs an MX host. A pattern matches the host itself or any name below it, on label
 * boundaries (`evil-google.com` is not `google.com`); `*` in a pattern stands for one label.
 * Names compare without regard to case (RFC 4343) and a trailing root dot is ignored.
 */
import { PROVIDERS, type Provider } from './providers.js';

function canonical(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** True when `host` is `pattern` or lies below it, label by label from the right. */
export function matchesHostPattern(host: string, pattern: string): boolean {
  const hostLabels = canonical(host).split('.');
  const patternLabels = canonical(pattern).split('.');
  if (patternLabels.length > hostLabels.length) return false;
  const offset = hostLabels.length - patternLabels.length;
  return patternLabels.every((label, index) => {
    const hostLabel = hostLabels[offset + index];
    return hostLabel !== undefined && hostLabel !== '' && (label === '*' || label === hostLabel);
  });
}

/**
 * A provider list compiled for matching: plain suffixes in a map (one lookup per label of the
 * host), patterns with `*` kept aside (few). Linting a large zone asks this for every MX target,
 * so matching must not re-split every pattern for every host. Built once for the built-in list
 * (at load, never written afterwards); a caller with its own list compiles it once and passes it.
 */
export interface ProviderTable {
  readonly providers: readonly Provider[];
  readonly bySuffix: ReadonlyMap<string, number>;
  /** `tail`: the pattern after its last `*` label (`.amazonaws.com`), which a match must end with. */
  readonly wildcards: readonly { readonly pattern: string; readonly tail: string; readonly index: number }[];
  /**
   * The last two labels of every pattern (the whole pattern when it has one label): a host whose
   * own last two labels (or last label) are not among them matches nothing, which settles most
   * hosts with one lookup. Undefined when a pattern has `*` among its last two labels.
   */
  readonly endings: ReadonlySet<string> | undefined;
}

export function compileProviders(providers: readonly Provider[]): ProviderTable {
  const bySuffix = new Map<string, number>();
  const wildcards: { pattern: string; tail: string; index: number }[] = [];
  let endings: Set<string> | undefined = new Set<string>();
  providers.forEach((provider, index) => {
    for (const pattern of provider.suffixes) {
      const name = canonical(pattern);
      const ending = lastLabels(name, 2);
      if (ending.split('.').includes('*')) endings = undefined;
      else endings?.add(ending);
      if (name.split('.').includes('*')) wildcards.push({ pattern: name, tail: name.slice(name.lastIndexOf('*') + 1), index });
      // First provider in table order wins, as with a linear search.
      else if (!bySuffix.has(name)) bySuffix.set(name, index);
    }
  });
  return { providers, bySuffix, wildcards, endings };
}

/** The built-in table, compiled once at load (a constant: nothing writes to it afterwards). */
const BUILT_IN: ProviderTable = compileProviders(PROVIDERS);

/** `name`'s last `count` labels (all of it when it has fewer). */
function lastLabels(name: string, count: number): string {
  let at = name.length;
  for (let k = 0; k < count && at > 0; k++) at = name.lastIndexOf('.', at - 1);
  return at <= 0 ? name : name.slice(at + 1);
}

/**
 * The provider whose suffix patterns cover `host`, or `undefined` for an unrecognised host. Most
 * hosts are settled by one set lookup (see `endings`). A list other than the built-in one is
 * compiled on each call: pass a `compileProviders` table to ask about many hosts.
 */
export function matchProvider(host: string, providers: readonly Provider[] | ProviderTable = PROVIDERS): Provider | undefined {
  const table = providers === PROVIDERS ? BUILT_IN : 'bySuffix' in providers ? providers : compileProviders(providers);
  return findProvider(host, table);
}

function findProvider(host: string, table: ProviderTable): Provider | undefined {
  const name = canonical(host);
  if (name === '') return undefined;
  const { providers, bySuffix, wildcards, endings } = table;
  if (endings !== undefined && !endings.has(lastLabels(name, 2)) && !endings.has(lastLabels(name, 1))) return undefined;
  let best = Number.POSITIVE_INFINITY;
  // Every suffix of the host on a label boundary: "a.b.c" → "a.b.c", "b.c", "c".
  for (let at = 0; at >= 0; at = name.indexOf('.', at) + 1 || -1) {
    const index = bySuffix.get(at === 0 ? name : name.slice(at));
    if (index !== undefined && index < best) best = index;
  }
  for (const { pattern, tail, index } of wildcards) {
    if (index < best && name.endsWith(tail) && matchesHostPattern(name, pattern)) best = index;
  }
  return Number.isFinite(best) ? providers[best] : undefined;
}

/** Whether one MX at `host` is enough because the provider is redundant behind that one name. */
export function isSingleMxRedundant(host: string, provider: Provider | undefined = matchProvider(host)): boolean {
  const flag = provider?.singleMxRedundant;
  if (flag === undefined) return false;
  if (flag === true) return true;
  return flag.some((pattern) => matchesHostPattern(host, pattern));
}
