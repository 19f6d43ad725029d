/**
 * Messages between popup and background, typed here so both sides agree: "this tab's domain got
 * this verdict" (for the toolbar badge), and "which domain does this page belong to?" — answered
 * by the background, which holds the Public Suffix List (tldts, ~47 KB gzipped), so the popup does
 * not load it on every open.
 */
import type { Verdict } from '@mx-doctor/core';
import type { SiteDomain } from './site-domain.js';

export type { SiteDomain };

export interface SiteDomainRequest {
  readonly type: 'mx-doctor:site-domain';
  readonly url: string | undefined;
}

export function isSiteDomainRequest(value: unknown): value is SiteDomainRequest {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  return message['type'] === 'mx-doctor:site-domain' && (message['url'] === undefined || typeof message['url'] === 'string');
}

export interface VerdictMessage {
  readonly type: 'mx-doctor:verdict';
  readonly tabId: number;
  readonly verdict: Verdict;
}

export function isVerdictMessage(value: unknown): value is VerdictMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  return message['type'] === 'mx-doctor:verdict' && Number.isInteger(message['tabId']) && typeof message['verdict'] === 'string';
}

/** Badge text and colour per verdict: ✓ receives mail, ! problems, ✕ no mail, ? could not check. */
export const BADGE: Readonly<Record<Verdict, { readonly text: string; readonly color: string }>> = {
  'receives-mail': { text: '✓', color: '#1a7f37' },
  problems: { text: '!', color: '#cf222e' },
  'no-mail': { text: '✕', color: '#6e7781' },
  'could-not-check': { text: '?', color: '#9a6700' },
};
