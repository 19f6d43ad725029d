/**
 * The one message between popup and background: "this tab's domain got this verdict", so the
 * background can put it on the toolbar badge. Typed here so both sides agree.
 */
import type { Verdict } from '@mx-doctor/core';

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
