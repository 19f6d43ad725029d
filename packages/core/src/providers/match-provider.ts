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

/** The provider whose suffix patterns cover `host`, or `undefined` for an unrecognised host. */
export function matchProvider(host: string, providers: readonly Provider[] = PROVIDERS): Provider | undefined {
  if (canonical(host) === '') return undefined;
  return providers.find((provider) => provider.suffixes.some((pattern) => matchesHostPattern(host, pattern)));
}

/** Whether one MX at `host` is enough because the provider is redundant behind that one name. */
export function isSingleMxRedundant(host: string, provider: Provider | undefined = matchProvider(host)): boolean {
  const flag = provider?.singleMxRedundant;
  if (flag === undefined) return false;
  if (flag === true) return true;
  return flag.some((pattern) => matchesHostPattern(host, pattern));
}
