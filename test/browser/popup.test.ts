/**
 * The popup end to end: Debian's Chromium loads the built extension, the popup is opened for a
 * stand-in tab (`popup.html?tab=<url>`) with the resolver pointed at the BIND fixture, and we read
 * back what a person would see: the verdict, the MX rows in priority order, the finding ids.
 * Screenshots (light and dark) go to test-artifacts/browser/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LIVE_FIXTURES } from '../dns/fixtures.js';
import { FINDING_FIELD_LABEL, REPORT_WORDS, VERDICTS, verdictText, type Verdict } from '@mx-doctor/core/report';
import type { Page } from 'playwright-core';
import { renderMarkdown } from '../vscode/extension-paths.js';
import { ARTIFACTS, assertBuilt, launchWithExtension, openPopup, readFinalPopup, setResolver, type LaunchedExtension } from './extension.js';

const expectedIds = (domain: string): string[] => {
  const fixture = LIVE_FIXTURES.find((item) => item.domain === domain);
  if (fixture === undefined) throw new Error(`${domain} is not in LIVE_FIXTURES`);
  return [...fixture.expected].sort();
};

const UNREACHABLE = 'http://127.0.0.1:9/dns-query';
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('browser popup (Chromium, unpacked MV3 build)', () => {
  let extension: LaunchedExtension;

  beforeAll(async () => {
    assertBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    extension = await launchWithExtension();
    await setResolver(extension, inject('dohUrl'));
  });

  afterAll(async () => {
    await extension?.close();
  });

  it('loads: the service worker runs and the manifest is the one we built', async () => {
    expect(extension.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await extension.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { manifest_version: number; permissions: string[] } } } }).chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'storage']);
    expect(extension.workerErrors).toEqual([]);
  });

  it('a good domain: receives mail, MX rows in priority order, no findings; light and dark screenshots', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPopup(extension, 'https://selfhosted.good.test/contact', scheme);
      const view = await readFinalPopup(page);
      expect(view.verdict).toBe('receives-mail');
      expect(view.verdictTitle).toBe('Receives mail');
      expect(view.domain).toBe('selfhosted.good.test');
      expect(view.mx.map((row) => [row.priority, row.host, row.status])).toEqual([
        [10, 'mx1.selfhosted.good.test', 'ok'],
        [20, 'mx2.selfhosted.good.test', 'ok'],
      ]);
      expect(view.mx[0]?.text).toContain('46.23.80.');
      expect(view.findingIds).toEqual(expectedIds('selfhosted.good.test'));
      expect(view.spf).toMatch(/^SPF: /);
      expect(view.dmarc).toMatch(/^DMARC: .*reject/);
      // The fixture's DoH is BIND itself, which validates nothing: the popup says so rather than "unsigned".
      expect(view.dnssec).toBe('DNSSEC: not known (the resolver does not validate DNSSEC)');
      expect(view.authority).toBe(REPORT_WORDS.authorityNotInBrowser);
      // The background colour follows the scheme: the dark theme really applies.
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      await page.screenshot({ path: join(ARTIFACTS, `popup-good-${scheme}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('sorts MX rows by priority (google-legacy: 1, 5, 5, 10, 10) and names the provider', async () => {
    const { page, errors } = await openPopup(extension, 'http://google-legacy.good.test/');
    const view = await readFinalPopup(page);
    expect(view.verdict).toBe('receives-mail');
    expect(view.mx.map((row) => row.priority)).toEqual([1, 5, 5, 10, 10]);
    expect(view.mx.map((row) => row.host)).toEqual([
      'aspmx.l.google.com',
      'alt1.aspmx.l.google.com',
      'alt2.aspmx.l.google.com',
      'alt3.aspmx.l.google.com',
      'alt4.aspmx.l.google.com',
    ]);
    expect(view.mx[0]?.text).toMatch(/Google/);
    expect(view.findingIds).toEqual(expectedIds('google-legacy.good.test'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a broken domain: problems, the failing host marked, findings worst first with a fix', async () => {
    const domain = 'mx-target-cname.broken.test';
    for (const scheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPopup(extension, `https://${domain}/`, scheme);
      const view = await readFinalPopup(page);
      expect(view.verdict).toBe('problems');
      expect(view.domain).toBe(domain);
      expect(view.mx.map((row) => [row.priority, row.host])).toEqual([
        [10, `mx1.${domain}`],
        [20, `mx2.${domain}`],
      ]);
      expect(view.mx.map((row) => row.status)).toContain('problem');
      expect([...view.findingIds].sort()).toEqual(expectedIds(domain));
      const first = page.locator('[data-finding-id]').first();
      await expect(first.getAttribute('data-severity')).resolves.toBe('error');
      await expect(first.locator('.finding__fix').textContent()).resolves.toMatch(/^Fix: .+/);
      await page.screenshot({ path: join(ARTIFACTS, `popup-broken-${scheme}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("words the verdict with the core's vocabulary: title, sentence and field labels (the same as the CLI and the VS Code report)", async () => {
    const { page, errors } = await openPopup(extension, 'https://mx-target-cname.broken.test/');
    const view = await readFinalPopup(page);
    expect(VERDICTS).toContain(view.verdict);
    const words = verdictText(view.verdict as Verdict);
    expect(view.verdictTitle).toBe(words.title);
    expect(view.verdictDetail).toBe(words.sentence);
    await expect(page.locator('[data-finding-id] .finding__fix .label').first().textContent()).resolves.toBe(`${FINDING_FIELD_LABEL.fix}: `);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a null MX domain: does not accept mail', async () => {
    const { page, errors } = await openPopup(extension, 'https://nullmx.good.test/');
    const view = await readFinalPopup(page);
    expect(view.verdict).toBe('no-mail');
    expect(view.verdictTitle).toBe('Does not accept mail (null MX)');
    expect(view.mx.map((row) => [row.priority, row.host])).toEqual([[0, '.']]);
    expect(view.findingIds).toEqual(expectedIds('nullmx.good.test'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('markup in DNS data is shown as text: no <img> element, no dialog', async () => {
    const domain = 'xss.broken.test';
    const { page, errors, dialogs } = await openPopup(extension, `https://${domain}/`);
    const view = await readFinalPopup(page);
    expect(view.verdict).toBe('problems');
    expect([...view.findingIds].sort()).toEqual(expectedIds(domain));
    const evidence = await page.locator('[data-finding-id] .finding__evidence').allTextContents();
    expect(evidence.some((text) => text.includes(HOSTILE))).toBe(true);
    expect(await page.locator('body').innerText()).toContain(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    // Give a would-be onerror handler time to fire.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'popup-xss.png'), fullPage: true });
    await page.close();
  });

  it('an unreachable resolver: could not check, lookup-failed, and a working retry', async () => {
    await setResolver(extension, UNREACHABLE, 1000);
    try {
      const { page, errors } = await openPopup(extension, 'https://selfhosted.good.test/');
      const view = await readFinalPopup(page);
      expect(view.verdict).toBe('could-not-check');
      expect(view.verdictTitle).toBe('Could not check');
      expect(view.findingIds).toContain('lookup-failed');
      expect(view.findingIds.filter((id) => id !== 'lookup-failed')).toEqual([]);
      expect(view.mx).toEqual([]);
      expect(view.hasRetry).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'popup-unreachable.png'), fullPage: true });
      // Retry once the resolver is back: the same popup now gets the real answer.
      await setResolver(extension, inject('dohUrl'));
      await page.click('#retry');
      const again = await readFinalPopup(page);
      expect(again.verdict).toBe('receives-mail');
      // Chromium logs each failed fetch (port 9 is on its unsafe-port list); nothing else may be logged.
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.filter((text) => !/^Failed to load resource: net::ERR_(UNSAFE_PORT|CONNECTION_REFUSED)$/.test(text))).toEqual([]);
      await page.close();
    } finally {
      await setResolver(extension, inject('dohUrl'));
    }
  });

  it('a resolver that answers with a redirect: could not check, the finding says so, the redirect not followed', async () => {
    // The fault proxy redirects to its own pass-through path: following it would say "receives mail".
    await setResolver(extension, `${inject('faultBaseUrl')}/redirect/dns-query`, 2000);
    try {
      const { page, errors } = await openPopup(extension, 'https://selfhosted.good.test/');
      const view = await readFinalPopup(page);
      expect(view.verdict).toBe('could-not-check');
      expect(view.findingIds.length).toBeGreaterThan(0);
      expect(view.findingIds.filter((id) => id !== 'lookup-failed')).toEqual([]);
      expect(view.mx).toEqual([]);
      const evidence = await page.locator('[data-finding-id] .finding__evidence').allTextContents();
      expect(evidence.length).toBeGreaterThan(0);
      expect(evidence.every((text) => text.includes('the resolver answered with a redirect'))).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await setResolver(extension, inject('dohUrl'));
    }
  });

  it('checks the registrable domain and offers the exact host with one click', async () => {
    const { page, errors } = await openPopup(extension, 'https://www.shop.example.co.uk/basket');
    const view = await readFinalPopup(page);
    expect(view.domain).toBe('example.co.uk');
    const offer = page.locator('#check-host');
    await expect(offer.textContent()).resolves.toBe('Check www.shop.example.co.uk instead');
    await offer.click();
    await page.waitForFunction(() => document.querySelector('#verdict .verdict__domain')?.textContent === 'www.shop.example.co.uk');
    const exact = await readFinalPopup(page);
    expect(exact.domain).toBe('www.shop.example.co.uk');
    // Outside the test zones the fixture answers NXDOMAIN, as the internet would for made-up names.
    expect(exact.findingIds).toEqual(['domain-nxdomain']);
    expect(await offer.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a browser page gets a message and the input box; Enter checks what is typed (IDN, e-mail address)', async () => {
    const { page, errors } = await openPopup(extension, 'chrome://settings/');
    await expect(page.locator('#site-note').textContent()).resolves.toMatch(/browser page/);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('domain-input');
    await page.keyboard.type('postmaster@selfhosted.good.test');
    await page.keyboard.press('Enter');
    const view = await readFinalPopup(page);
    expect(view.domain).toBe('selfhosted.good.test');
    expect(view.verdict).toBe('receives-mail');

    await page.fill('#domain-input', 'bücher.example');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#verdict .verdict__domain')?.textContent === 'xn--bcher-kva.example');
    expect((await readFinalPopup(page)).findingIds).toEqual(['domain-nxdomain']);

    await page.fill('#domain-input', 'not a domain');
    await page.keyboard.press('Enter');
    await expect(page.locator('#input-error').textContent()).resolves.toMatch(/not a valid domain/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('file and IP-address pages get a clear message', async () => {
    for (const [url, pattern] of [
      ['file:///home/me/report.html', /file on your computer/],
      ['http://192.0.2.7/admin', /addressed by IP/],
      ['about:blank', /browser page/],
    ] as const) {
      const { page } = await openPopup(extension, url);
      await expect(page.locator('#site-note').textContent()).resolves.toMatch(pattern);
      await expect(page.locator('#idle').isVisible()).resolves.toBe(true);
      await page.close();
    }
  });

  it('keyboard: focus order settings → input → Check, focus is visible', async () => {
    const { page } = await openPopup(extension, 'https://selfhosted.good.test/');
    await readFinalPopup(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(order).toEqual(['open-options', 'domain-input', 'check-button']);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.close();
  });

  it('no layout jump: the form stays put and the result area never shrinks when results land', async () => {
    // Answers slowed down, so the first measurement is surely of the loading state (with the fixture's
    // instant answers the results could land first, and the test would compare the result with itself).
    await setResolver(extension, `${inject('faultBaseUrl')}/delay-700/dns-query`, 5000);
    try {
      const { page } = await openPopup(extension, 'https://selfhosted.good.test/');
      const loading = await page.locator('#result').boundingBox();
      const formTop = (await page.locator('#check-form').boundingBox())?.y;
      expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('loading');
      expect(formTop).toBeTypeOf('number'); // else both reads are undefined and compare equal
      const view = await readFinalPopup(page);
      expect(view.verdict).toBe('receives-mail');
      const done = await page.locator('#result').boundingBox();
      expect(loading).not.toBeNull();
      expect(done!.y).toBe(loading!.y);
      expect(done!.height).toBeGreaterThanOrEqual(loading!.height);
      expect((await page.locator('#check-form').boundingBox())?.y).toBe(formTop);
      await page.close();
    } finally {
      await setResolver(extension, inject('dohUrl'));
    }
  });

  /** Opens the popup for `domain`, clicks "Copy report" and returns the text handed to the clipboard. */
  async function copiedReport(domain: string): Promise<{ markdown: string; page: Page }> {
    // Chromium cannot grant clipboard-read to an extension origin from outside, so the test wraps
    // writeText: the real call still runs (and must succeed), and we keep what it was given.
    const page = await extension.context.newPage();
    await page.addInitScript(() => {
      const real = navigator.clipboard.writeText.bind(navigator.clipboard);
      const copies: string[] = [];
      (globalThis as unknown as { copies: string[] }).copies = copies;
      navigator.clipboard.writeText = (text: string) => {
        copies.push(text);
        return real(text);
      };
    });
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${encodeURIComponent(`https://${domain}/`)}`);
    await readFinalPopup(page);
    await page.click('#copy-report');
    await page.waitForFunction(() => document.querySelector('#copy-status')?.textContent !== '');
    await expect(page.locator('#copy-status').textContent()).resolves.toBe('Copied as Markdown.');
    const copies = await page.evaluate(() => (globalThis as unknown as { copies: string[] }).copies);
    expect(copies).toHaveLength(1);
    return { markdown: copies[0]!, page };
  }

  it('"Copy report" puts a Markdown report on the clipboard', async () => {
    const { markdown, page } = await copiedReport('mx-target-cname.broken.test');
    expect(markdown).toMatch(/^# MX Doctor: `mx-target-cname\.broken\.test`\n/);
    expect(markdown).toContain('**Problems found**');
    expect(markdown).toContain('| 10 | `mx1.mx-target-cname.broken.test` |');
    expect(markdown).toContain('`mx-target-cname`');
    await page.close();
  });

  it('"Copy report" of Markdown and HTML in DNS data: no link, image or tag when the report is rendered', async () => {
    const domain = 'markdown-injection.broken.test';
    const { markdown, page } = await copiedReport(domain);
    // The popup itself shows the names as text (no innerHTML): no element made from them.
    expect(await page.locator('body').innerText()).toContain(`[x](http://evil).${domain}`);
    expect(await page.locator('img, a[href^="http://evil"], b').count()).toBe(0);
    await page.close();
    // Rendered as a Markdown viewer would, raw HTML and linkify on (markdown-it, VS Code's engine).
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<a[\s>]|<img|<b>|<script/i);
    for (const label of ['[x](http://evil)', '&lt;img src=x onerror=alert(1)&gt;', '``&lt;b&gt;code&lt;/b&gt;`']) {
      expect(html, `${label}\n${markdown}`).toContain(`${label}.${domain}`);
    }
    expect(html).toContain('[x](http://evil) ![i](http://evil/i.png) &lt;http://evil.example&gt; &lt;b&gt;b&lt;/b&gt; `x`');
  });

  it('the badge shows the verdict for the tab and clears when the tab navigates', async () => {
    const site = await extension.context.newPage();
    await site.goto('about:blank');
    const tabId = await extension.serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome;
      const tabs = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return tabs[0]!.id;
    });
    const badge = () =>
      extension.serviceWorker.evaluate(
        (id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }),
        tabId,
      );
    const cases = [
      ['selfhosted.good.test', '✓'],
      ['mx-target-cname.broken.test', '!'],
      ['nullmx.good.test', '✕'],
    ] as const;
    for (const [domain, text] of cases) {
      const { page } = await openPopup(extension, `https://${domain}/`);
      await page.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${encodeURIComponent(`https://${domain}/`)}&tabId=${tabId}`);
      await readFinalPopup(page);
      await expect.poll(badge, { timeout: 5000 }).toBe(text);
      await page.close();
    }
    await site.goto('data:text/html,<title>elsewhere</title>');
    await expect.poll(badge, { timeout: 5000 }).toBe('');
    await site.close();
    expect(extension.workerErrors).toEqual([]);
  });
});

describe('options page', () => {
  let extension: LaunchedExtension;

  beforeAll(async () => {
    assertBuilt();
    extension = await launchWithExtension();
  });

  afterAll(async () => {
    await extension?.close();
  });

  const stored = () =>
    extension.serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await api.storage.sync.get('options'))['options'];
    });

  it('defaults to Cloudflare, saves a preset and the timeout, refuses plain http to a remote host', async () => {
    const page = await extension.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    // The page reads the stored options asynchronously: wait until it shows them (under load the CI run read too early).
    await page.waitForSelector('form[data-loaded="true"]');
    await expect(page.locator('input[value="cloudflare"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('#custom-url').isDisabled()).resolves.toBe(true);

    await page.check('input[value="quad9"]');
    await page.fill('#timeout', '5000');
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#save-status')?.textContent === 'Saved.');
    expect(await stored()).toEqual({ resolver: 'quad9', customUrl: '', timeoutMs: 5000 });

    await page.check('input[value="custom"]');
    await page.fill('#custom-url', 'http://doh.example.net/dns-query');
    await page.keyboard.press('Enter');
    await expect(page.locator('#custom-error').textContent()).resolves.toMatch(/plain http/);
    expect(await stored()).toEqual({ resolver: 'quad9', customUrl: '', timeoutMs: 5000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
