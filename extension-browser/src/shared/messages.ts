/**
 * Messages between popup and background, typed here so both sides agree: "this tab's domain got
 * this verdict" (for the toolbar badge), and "which domain does this page belong to?" — answered
 * by the background, which holds the Public Suffix List (tldts, ~47 KB gzipped), so the popup does
 * not load it on every open.
 */
import type { Verdict } from '@mx-doctor/core';
import { verdictText } from '@mx-doctor/core/report';
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

const BADGE_COLOR: Readonly<Record<Verdict, string>> = {
  'receives-mail': '#1a7f37',
  problems: '#cf222e',
  'no-mail': '#6e7781',
  'could-not-check': '#9a6700',
};

/**
 * Badge text and colour for a verdict: the text is the verdict's icon in the core's vocabulary
 * (✓ receives mail, ! problems, ✕ no mail, ? could not check), the same the popup shows.
 * Undefined for a string that is no verdict (a message is data from another context).
 */
export function badgeFor(verdict: string): { readonly text: string; readonly color: string } | undefined {
  if (!Object.prototype.hasOwnProperty.call(BADGE_COLOR, verdict)) return undefined;
  return { text: verdictText(verdict as Verdict).icon, color: BADGE_COLOR[verdict as Verdict] };
}
