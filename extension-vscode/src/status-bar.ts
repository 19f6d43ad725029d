/**
 * What the status-bar item says: live checks on or off, and the last "Check domain" result.
 * Pure (no `vscode` import), so every combination is unit-tested; `extension.ts` wires it to the
 * setting, workspace trust and the command.
 *
 * A click toggles `mxDoctor.liveChecks` in a trusted workspace. In an untrusted one the setting
 * cannot turn lookups on, so a click opens the workspace-trust editor instead.
 */
import { VERDICTS, verdictText, type Verdict } from '@mx-doctor/language-server/markdown';

export const TOGGLE_LIVE_CHECKS_COMMAND = 'mxDoctor.toggleLiveChecks';
/** VS Code's own command that opens the workspace-trust editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

/** The last "Check domain": its report's verdict, or why it failed. */
export type LastCheck = { readonly domain: string; readonly verdict: string } | { readonly domain: string; readonly error: string };

export interface StatusBarInput {
  /** The `mxDoctor.liveChecks` setting. */
  readonly liveChecks: boolean;
  /** `vscode.workspace.isTrusted`. */
  readonly trusted: boolean;
  readonly lastCheck?: LastCheck | undefined;
}

export interface StatusBarView {
  readonly text: string;
  readonly tooltip: string;
  readonly command: string;
}

// A status bar has room for a short line; DNS names are at most 253 characters, errors unbounded.
const MAX_DOMAIN_IN_TEXT = 40;
const MAX_DOMAIN_IN_TOOLTIP = 253;
const MAX_ERROR_IN_TOOLTIP = 300;

export function statusBarView({ liveChecks, trusted, lastCheck }: StatusBarInput): StatusBarView {
  const live = liveChecks && trusted;
  let text = live ? '$(check) MX live' : '$(circle-slash) MX offline';
  const tooltip: string[] = [];
  if (!trusted) {
    tooltip.push('MX Doctor: live checks are off: this workspace is not trusted (Restricted Mode), so no DNS lookups and no SMTP connections.');
    tooltip.push('Click to manage workspace trust.');
  } else if (liveChecks) {
    tooltip.push("MX Doctor: live checks are on: MX targets outside a file's zone are looked up over DNS-over-HTTPS.");
    tooltip.push('Click to turn live checks off.');
  } else {
    tooltip.push('MX Doctor: live checks are off (setting mxDoctor.liveChecks): files are checked offline.');
    tooltip.push('Click to turn live checks on.');
  }

  if (lastCheck !== undefined) {
    const shortDomain = truncate(textSafe(lastCheck.domain), MAX_DOMAIN_IN_TEXT);
    const domain = truncate(plain(lastCheck.domain), MAX_DOMAIN_IN_TOOLTIP);
    if ('verdict' in lastCheck) {
      const words = isVerdict(lastCheck.verdict) ? verdictText(lastCheck.verdict) : undefined;
      text += ` · ${shortDomain} ${words?.icon ?? '?'}`;
      tooltip.push(`Last check: ${domain} — ${words?.title ?? 'unknown verdict'}`);
    } else {
      text += ` · ${shortDomain}: failed`;
      tooltip.push(`Last check of ${domain} failed: ${truncate(plain(lastCheck.error), MAX_ERROR_IN_TOOLTIP)}`);
    }
  }
  return { text, tooltip: tooltip.join('\n'), command: trusted ? TOGGLE_LIVE_CHECKS_COMMAND : MANAGE_TRUST_COMMAND };
}

/**
 * Where the toggle writes: where the effective value comes from. A workspace value overrides the
 * user setting, so writing the user setting alone would change nothing the person can see.
 */
export function liveChecksTarget(inspected: { readonly workspaceValue?: unknown } | undefined): 'workspace' | 'global' {
  return inspected?.workspaceValue !== undefined ? 'workspace' : 'global';
}

function isVerdict(value: string): value is Verdict {
  return (VERDICTS as readonly string[]).includes(value);
}

/** One line of plain text: control characters become spaces, runs of white space one space. */
function plain(value: string): string {
  return value.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
}

/** Status-bar text renders `$(name)` as an icon: keep letters, digits and what names, addresses and URLs use. */
function textSafe(value: string): string {
  return value.replace(/[^\p{L}\p{N}\p{M}._@:/-]+/gu, '');
}

function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}
