/**
 * The Firefox build at run time, as a person uses it: Debian's Firefox ESR, visible under Xvfb,
 * the unpacked dist/firefox installed as a temporary add-on, a page on a test domain, and a real
 * (xdotool) click on the MX Doctor button in the toolbar. The popup Firefox opens (with activeTab
 * granted by that click) must check the page's domain over the BIND fixture's DoH; we read its
 * verdict, MX table and findings through Marionette's chrome context (see firefox.ts) and keep a
 * screenshot of the screen in test-artifacts/browser/.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startXvfb } from './xvfb.js';
import { LIVE_FIXTURES } from '../dns/fixtures.js';
import { startDnssecWorld, type DnssecWorld } from '../dns/dnssec/fixture.js';
import { ARTIFACTS, READ_POPUP_SOURCE, assertBuilt, type PopupView } from './extension.js';
import { ACTION_WIDGET_ID, EXTENSION_UUID, GECKO_ID, extensionConsoleErrors, inExtensionView, launchFirefox, setFirefoxResolver, type LaunchedFirefox } from './firefox.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const GOOD = 'selfhosted.good.test';
/** The manifest's host_permissions (extension-browser/src/manifest.ts DEFAULT_RESOLVER_HOSTS). */
const DEFAULT_RESOLVER_ORIGINS = ['https://cloudflare-dns.com/*', 'https://dns.google/*', 'https://dns.quad9.net/*'];
const BROKEN = 'mx-target-cname.broken.test';
/** Domains of the DNSSEC world (test/dns/dnssec) the last test visits. */
const DNSSEC_DOMAINS = ['signed.test', 'expired.test', 'sts-mismatch.test'];

const expectedIds = (domain: string): string[] => {
  const fixture = LIVE_FIXTURES.find((item) => item.domain === domain);
  if (fixture === undefined) throw new Error(`${domain} is not in LIVE_FIXTURES`);
  return [...fixture.expected].sort();
};

/** Reads the open popup once its verdict is final (waits up to 15 s inside the popup). */
const READ_FINAL_POPUP = `
  const document = content.document;
  for (let i = 0; i < 150; i++) {
    const verdict = document.querySelector('#verdict')?.getAttribute('data-verdict');
    if (verdict && verdict !== 'loading') break;
    await wait(100);
  }
  const view = ${READ_POPUP_SOURCE};
  // Firefox sizes the panel to the page (at most 800 × 600): all of it must be reachable.
  const root = document.documentElement;
  const layout = { innerWidth: content.innerWidth, innerHeight: content.innerHeight, scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight };
  content.scrollTo(0, root.scrollHeight);
  await wait(50);
  const scrolledTo = content.scrollY;
  content.scrollTo(0, 0);
  return { url: content.location.href, view, layout: { ...layout, scrolledTo } };
`;

/** The badge text of the active tab, from the background page (polls up to 5 s for it to be set). */
const READ_BADGE = `
  const api = content.wrappedJSObject.browser;
  const [tab] = await api.tabs.query(Cu.cloneInto({ active: true, lastFocusedWindow: true }, content));
  for (let i = 0; i < 50; i++) {
    const text = await api.action.getBadgeText(Cu.cloneInto({ tabId: tab.id }, content));
    if (text !== '') return text;
    await wait(100);
  }
  return '';
`;

describe('Firefox ESR: the toolbar popup (Xvfb + xdotool, temporary add-on)', () => {
  let xvfb: { display: string; process: ChildProcess } | undefined;
  let server: Server | undefined;
  let firefox: LaunchedFirefox | undefined;
  let dnssecWorld: DnssecWorld | undefined;
  let pagePort: number;

  const xdotool = (...args: string[]) => run('xdotool', args, { env: { ...process.env, DISPLAY: xvfb!.display } });
  const popupIsOpen = async () => {
    await firefox!.marionette.setContext('chrome');
    return firefox!.marionette.execute<boolean>(
      `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
       const extension = ExtensionParent.GlobalManager.getExtension(arguments[0]);
       // A popup only preloaded on hover (not in an open panel) is not open.
       return [...(extension?.views ?? [])].some((view) => view.viewType === 'popup' && view.xulBrowser?.closest('panel')?.state === 'open');`,
      [GECKO_ID],
    );
  };

  /** A real click (xdotool) on the toolbar button, as a person would; resolves once the popup is open. */
  async function clickToolbarButton(): Promise<void> {
    const { marionette } = firefox!;
    await marionette.setContext('chrome');
    const button = await marionette.execute<{ x: number; y: number } | null>(
      `const node = document.getElementById(arguments[0]);
       if (node === null) return null;
       const target = node.querySelector('.toolbarbutton-1') ?? node;
       const rect = target.getBoundingClientRect();
       return { x: Math.round(window.mozInnerScreenX + rect.x + rect.width / 2), y: Math.round(window.mozInnerScreenY + rect.y + rect.height / 2) };`,
      [ACTION_WIDGET_ID],
    );
    expect(button, 'the MX Doctor button is not in the toolbar').not.toBeNull();
    let open = false;
    // Under load a synthetic click can land before the window has focus; a person clicks again.
    for (let attempt = 0; attempt < 3 && !open; attempt++) {
      await xdotool('mousemove', '400', '400', 'click', '1');
      await sleep(200 * (attempt + 1));
      await xdotool('mousemove', String(button!.x), String(button!.y), 'click', '1');
      for (let i = 0; i < 30 && !open; i++) {
        open = await popupIsOpen();
        if (!open) await sleep(100);
      }
    }
    expect(open, 'the popup did not open after three clicks on the toolbar button').toBe(true);
  }

  async function closePopup(): Promise<void> {
    await xdotool('key', 'Escape');
    for (let i = 0; i < 30 && (await popupIsOpen()); i++) await sleep(100);
    expect(await popupIsOpen(), 'Escape closes the popup').toBe(false);
  }

  /** Navigates the tab, clicks the button and reads the popup's final verdict. */
  async function checkThroughToolbar(url: string, shot: string): Promise<{ url: string; view: PopupView; layout: Record<string, number> }> {
    const { marionette } = firefox!;
    await marionette.setContext('content');
    await marionette.send('WebDriver:Navigate', { url });
    await clickToolbarButton();
    const read = await inExtensionView<{ url: string; view: PopupView; layout: Record<string, number> }>(marionette, 'popup', READ_FINAL_POPUP, 20_000);
    await run('import', ['-window', 'root', join(ARTIFACTS, `firefox-popup-${shot}.png`)], { env: { ...process.env, DISPLAY: xvfb!.display } });
    return read;
  }

  beforeAll(async () => {
    assertBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    xvfb = await startXvfb(140, 179);
    server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>Shop</title><h1>Welcome to the shop at ${String(request.headers.host).replace(/[^a-z0-9.:-]/gi, '')}</h1>`);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    pagePort = (server.address() as AddressInfo).port;
    firefox = await launchFirefox({
      display: xvfb.display,
      // The test domains' pages are served from 127.0.0.1; DNS of the extension goes to the fixture over DoH.
      prefs: {
        'network.dns.localDomains': [GOOD, BROKEN, ...DNSSEC_DOMAINS].join(','),
      },
    });
    await setFirefoxResolver(firefox.marionette, inject('dohUrl'));
  }, 60_000);

  afterAll(async () => {
    await firefox?.close();
    await dnssecWorld?.stop();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    xvfb?.process.kill();
  });

  it('the add-on runs: pinned UUID, background page up, its button in the navigation toolbar', async () => {
    const { marionette } = firefox!;
    await marionette.setContext('chrome');
    const state = await marionette.execute<{ uuid?: string; background?: string; area?: string | null }>(
      `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
       // The browser window's own CustomizableUI (its module moved between releases).
       const { CustomizableUI } = window;
       const extension = ExtensionParent.GlobalManager.getExtension(arguments[0]);
       return { uuid: extension?.uuid, background: String(extension?.backgroundState), area: CustomizableUI.getPlacementOfWidget(arguments[1])?.area ?? null };`,
      [GECKO_ID, ACTION_WIDGET_ID],
    );
    expect(state.uuid).toBe(EXTENSION_UUID);
    expect(state.background).toBe('running');
    // Without `default_area: "navbar"` Firefox puts the button in the extensions menu, a click further away.
    expect(state.area).toBe('nav-bar');
    // Firefox lets the user withhold an MV3 add-on's host permissions; the shipped resolvers' must be granted at install.
    const granted = await inExtensionView<boolean>(
      marionette,
      'background',
      `return content.wrappedJSObject.browser.permissions.contains(Cu.cloneInto({ origins: ${JSON.stringify(DEFAULT_RESOLVER_ORIGINS)} }, content));`,
    );
    expect(granted).toBe(true);
  });

  for (const [domain, verdict] of [
    [GOOD, 'receives-mail'],
    [BROKEN, 'problems'],
  ] as const) {
    it(`one click on the toolbar button checks ${domain}: ${verdict}, MX rows, findings, badge`, async () => {
      const { marionette } = firefox!;
      await marionette.setContext('content');
      await marionette.send('WebDriver:Navigate', { url: `http://${domain}:${pagePort}/` });
      await expect(marionette.send<{ value: string }>('WebDriver:GetTitle')).resolves.toEqual({ value: 'Shop' });
      await clickToolbarButton();
      const { url, view, layout } = await inExtensionView<{ url: string; view: PopupView; layout: Record<string, number> }>(marionette, 'popup', READ_FINAL_POPUP, 20_000);
      await run('import', ['-window', 'root', join(ARTIFACTS, `firefox-popup-${domain}.png`)], { env: { ...process.env, DISPLAY: xvfb!.display } });
      // No ?tab=: the page's URL came from tabs.query, which shows it only with activeTab granted by the click.
      expect(url).toBe(`moz-extension://${EXTENSION_UUID}/popup.html`);
      expect(view.domain).toBe(domain);
      expect(view.verdict).toBe(verdict);
      expect(view.mx.map((row) => [row.priority, row.host])).toEqual([
        [10, `mx1.${domain}`],
        [20, `mx2.${domain}`],
      ]);
      expect([...view.findingIds].sort()).toEqual(expectedIds(domain));
      // Nothing cut off: no sideways overflow, and a page taller than the panel scrolls to its end.
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth!);
      expect(layout.scrolledTo).toBe(Math.max(0, layout.scrollHeight! - layout.innerHeight!));
      if (verdict === 'receives-mail') {
        expect(view.verdictTitle).toBe('Receives mail');
        expect(view.mx.map((row) => row.status)).toEqual(['ok', 'ok']);
        expect(view.mx[0]?.text).toContain('46.23.80.');
        expect(view.dmarc).toMatch(/^DMARC: .*reject/);
      } else {
        expect(view.mx.map((row) => row.status)).toContain('problem');
      }
      await expect(inExtensionView<string>(marionette, 'background', READ_BADGE)).resolves.toBe(verdict === 'receives-mail' ? '✓' : '!');

      await closePopup();
      expect(await extensionConsoleErrors(marionette)).toEqual([]);
    });
  }

  it('a page in Reader View (about:reader?url=…) is checked as the site it shows', async () => {
    const { marionette } = firefox!;
    const { view } = await checkThroughToolbar(`about:reader?url=${encodeURIComponent(`http://${GOOD}:${pagePort}/`)}`, 'reader-view');
    await closePopup();
    expect(view.domain).toBe(GOOD);
    expect(view.verdict).toBe('receives-mail');
    expect(await extensionConsoleErrors(marionette)).toEqual([]);
  });

  it('through a validating resolver: the DNSSEC line says signed, and a domain whose signatures expired is dnssec-bogus', async () => {
    const { marionette } = firefox!;
    dnssecWorld = await startDnssecWorld();
    await setFirefoxResolver(marionette, dnssecWorld.dohUrl);
    const signed = await checkThroughToolbar(`http://signed.test:${pagePort}/`, 'dnssec-signed');
    await closePopup();
    expect(signed.view.domain).toBe('signed.test');
    expect(signed.view.dnssec).toBe('DNSSEC: signed (answers validated)');
    expect(signed.view.findingIds).toEqual([]);
    const expired = await checkThroughToolbar(`http://expired.test:${pagePort}/`, 'dnssec-bogus');
    await closePopup();
    expect(expired.view.dnssec).toMatch(/^DNSSEC: signed, but validation fails/);
    expect(expired.view.findingIds).toEqual(['dnssec-bogus']);
    expect(await extensionConsoleErrors(marionette)).toEqual([]);
  }, 60_000);

  it('MTA-STS in the popup: the record is read, the policy not fetched without the permission for that one host, and "Check MTA-STS policy" offered', async () => {
    const { marionette } = firefox!;
    await setFirefoxResolver(marionette, dnssecWorld!.dohUrl);
    const before = await checkThroughToolbar(`http://sts-mismatch.test:${pagePort}/`, 'mta-sts-before');
    expect(before.view.findingIds).toEqual([]);
    expect(before.view.dnssec).toBe('DNSSEC: signed (answers validated)');
    const shown = await inExtensionView<{ line: string; button: string }>(
      marionette,
      'popup',
      `return { line: content.document.querySelector('#mta-sts-line')?.textContent ?? '', button: content.document.querySelector('#check-mta-sts')?.textContent ?? '' };`,
    );
    await closePopup();
    expect(shown).toEqual({ line: 'MTA-STS: announced (id 20261203); the policy was not fetched', button: 'Check MTA-STS policy' });
    expect(dnssecWorld!.policyRequests.some((request) => request.startsWith('mta-sts.sts-mismatch.test'))).toBe(false);
    expect(await extensionConsoleErrors(marionette)).toEqual([]);
  }, 60_000);
});
