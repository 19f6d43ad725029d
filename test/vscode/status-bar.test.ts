/**
 * The status-bar item's text, tooltip and click command (`extension-vscode/src/status-bar.ts`, no
 * `vscode` import), for every combination of the live-checks setting, workspace trust and the last
 * "Check domain" result.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './extension-paths.js';

interface StatusBarView {
  readonly text: string;
  readonly tooltip: string;
  readonly command: string;
}
type LastCheck = { readonly domain: string; readonly verdict: string } | { readonly domain: string; readonly error: string };
interface StatusBarModule {
  statusBarView(input: { liveChecks: boolean; trusted: boolean; lastCheck?: LastCheck }): StatusBarView;
  liveChecksTarget(inspected: { workspaceValue?: unknown } | undefined): 'workspace' | 'global';
  TOGGLE_LIVE_CHECKS_COMMAND: string;
  MANAGE_TRUST_COMMAND: string;
}

let statusBar: StatusBarModule;

beforeAll(async () => {
  // A computed specifier: the test type-check does not pull the extension's source into its program.
  const file = `${EXTENSION_DIR}src/status-bar.ts`;
  statusBar = (await import(file)) as StatusBarModule;
});

describe('statusBarView', () => {
  it('says live when the setting is on in a trusted workspace; a click turns live checks off', () => {
    const view = statusBar.statusBarView({ liveChecks: true, trusted: true });
    expect(view.text).toBe('$(check) MX live');
    expect(view.tooltip).toMatch(/live checks are on/i);
    expect(view.tooltip).toMatch(/click to turn live checks off/i);
    expect(view.command).toBe(statusBar.TOGGLE_LIVE_CHECKS_COMMAND);
    expect(statusBar.TOGGLE_LIVE_CHECKS_COMMAND).toBe('mxDoctor.toggleLiveChecks');
  });

  it('says offline when the setting is off; a click turns live checks on', () => {
    const view = statusBar.statusBarView({ liveChecks: false, trusted: true });
    expect(view.text).toBe('$(circle-slash) MX offline');
    expect(view.tooltip).toMatch(/mxDoctor\.liveChecks/);
    expect(view.tooltip).toMatch(/click to turn live checks on/i);
    expect(view.command).toBe(statusBar.TOGGLE_LIVE_CHECKS_COMMAND);
  });

  it('says offline in an untrusted workspace whatever the setting; a click opens workspace trust', () => {
    for (const liveChecks of [true, false]) {
      const view = statusBar.statusBarView({ liveChecks, trusted: false });
      expect(view.text).toBe('$(circle-slash) MX offline');
      expect(view.tooltip).toMatch(/not trusted/i);
      expect(view.tooltip).toMatch(/no DNS lookups/i);
      expect(view.command).toBe(statusBar.MANAGE_TRUST_COMMAND);
    }
    expect(statusBar.MANAGE_TRUST_COMMAND).toBe('workbench.trust.manage');
  });

  it('adds the last domain checked and its verdict, in words in the tooltip', () => {
    const cases: [string, string, string][] = [
      ['receives-mail', '✓', 'Receives mail'],
      ['problems', '!', 'Problems found'],
      ['no-mail', '✕', 'Does not accept mail (null MX)'],
      ['could-not-check', '?', 'Could not check'],
    ];
    for (const [verdict, icon, words] of cases) {
      const view = statusBar.statusBarView({ liveChecks: true, trusted: true, lastCheck: { domain: 'example.com', verdict } });
      expect(view.text).toBe(`$(check) MX live · example.com ${icon}`);
      expect(view.tooltip).toContain(`Last check: example.com — ${words}`);
    }
    const offline = statusBar.statusBarView({ liveChecks: false, trusted: true, lastCheck: { domain: 'example.org', verdict: 'problems' } });
    expect(offline.text).toBe('$(circle-slash) MX offline · example.org !');
  });

  it('shows a failed check as failed, with the reason in the tooltip', () => {
    const view = statusBar.statusBarView({ liveChecks: true, trusted: true, lastCheck: { domain: 'example.net', error: 'no resolver could be reached' } });
    expect(view.text).toBe('$(check) MX live · example.net: failed');
    expect(view.tooltip).toContain('Last check of example.net failed: no resolver could be reached');
  });

  it('does not trust the domain, verdict or error it is given', () => {
    // An icon reference, a newline and a very long name: the text stays one short line with no icon injected.
    const long = `${'a'.repeat(300)}.example`;
    const view = statusBar.statusBarView({
      liveChecks: true,
      trusted: true,
      lastCheck: { domain: `$(bug) evil\n${long}`, error: `boom\u0007${'x'.repeat(5000)}` },
    });
    expect(view.text.startsWith('$(check) MX live · ')).toBe(true);
    expect(view.text.slice('$(check)'.length)).not.toContain('$(');
    expect(view.text).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(view.text.length).toBeLessThanOrEqual(80);
    expect(view.tooltip).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(view.tooltip.length).toBeLessThan(1000);

    const unknown = statusBar.statusBarView({ liveChecks: true, trusted: true, lastCheck: { domain: 'example.com', verdict: '<b>fine</b>' } });
    expect(unknown.text).toBe('$(check) MX live · example.com ?');
    expect(unknown.tooltip).toContain('unknown verdict');
  });
});

describe('liveChecksTarget', () => {
  it('writes where the effective value comes from: the workspace when it sets one, else the user settings', () => {
    expect(statusBar.liveChecksTarget({ workspaceValue: false })).toBe('workspace');
    expect(statusBar.liveChecksTarget({ workspaceValue: true })).toBe('workspace');
    expect(statusBar.liveChecksTarget({})).toBe('global');
    expect(statusBar.liveChecksTarget(undefined)).toBe('global');
  });
});
