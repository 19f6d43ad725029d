/**
 * The user's settings, kept in `storage.sync` so they follow the browser profile. Only the
 * resolver and the timeout: everything else the popup needs comes from the page it is opened on.
 */
import browser from 'webextension-polyfill';
import { DEFAULT_RESOLVERS, validateResolverUrl } from '@mx-doctor/core';

export type ResolverChoice = 'cloudflare' | 'google' | 'quad9' | 'custom';

export interface ExtensionOptions {
  readonly resolver: ResolverChoice;
  /** Only used when `resolver` is `custom`. */
  readonly customUrl: string;
  /** Per DoH exchange. */
  readonly timeoutMs: number;
}

export const DEFAULT_OPTIONS: ExtensionOptions = { resolver: 'cloudflare', customUrl: '', timeoutMs: 3000 };

export const PRESET_URLS: Readonly<Record<Exclude<ResolverChoice, 'custom'>, string>> = {
  cloudflare: 'https://cloudflare-dns.com/dns-query',
  google: 'https://dns.google/dns-query',
  quad9: 'https://dns.quad9.net/dns-query',
};

export const TIMEOUT_RANGE = { min: 500, max: 30_000 } as const;

const KEY = 'options';

/** Reads whatever is stored and repairs it field by field: a bad value falls back to the default. */
export function normalizeOptions(raw: unknown): ExtensionOptions {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const resolver: ResolverChoice = ['cloudflare', 'google', 'quad9', 'custom'].includes(value['resolver'] as string)
    ? (value['resolver'] as ResolverChoice)
    : DEFAULT_OPTIONS.resolver;
  const customUrl = typeof value['customUrl'] === 'string' ? value['customUrl'].trim() : '';
  const timeout = Number(value['timeoutMs']);
  const timeoutMs = Number.isFinite(timeout) ? Math.min(TIMEOUT_RANGE.max, Math.max(TIMEOUT_RANGE.min, Math.round(timeout))) : DEFAULT_OPTIONS.timeoutMs;
  if (resolver === 'custom' && validateResolverUrl(customUrl) !== undefined) {
    return { ...DEFAULT_OPTIONS, timeoutMs };
  }
  return { resolver, customUrl, timeoutMs };
}

export async function loadOptions(): Promise<ExtensionOptions> {
  const stored = await browser.storage.sync.get(KEY);
  return normalizeOptions(stored[KEY]);
}

export async function saveOptions(options: ExtensionOptions): Promise<void> {
  await browser.storage.sync.set({ [KEY]: options });
}

/**
 * The DoH URLs to ask, in order. A preset comes first and the other defaults stand behind it
 * (a resolver outage is not a fact about the domain); a custom resolver is asked alone, because
 * an admin who sets one wants to see exactly what it answers.
 */
export function resolverUrls(options: ExtensionOptions): string[] {
  if (options.resolver === 'custom') return [options.customUrl];
  const first = PRESET_URLS[options.resolver];
  return [first, ...DEFAULT_RESOLVERS.filter((url) => url !== first)];
}

/** The origin pattern to request for a custom resolver (`https://doh.example/*`). */
export function originPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}
