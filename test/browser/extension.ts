/**
 * Launching Debian's Chromium with the built MX Doctor extension (playwright-core, no browser
 * download), and the small pieces the browser tests and the popup benchmark share: finding the
 * extension id, pointing its options at the BIND fixture, opening the popup for a stand-in tab,
 * and reading back what the popup shows.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = join(REPO, 'extension-browser');
export const CHROME_BUILD = join(EXTENSION_DIR, 'dist/chrome');
export const FIREFOX_BUILD = join(EXTENSION_DIR, 'dist/firefox');
export const ARTIFACTS = join(REPO, 'test-artifacts/browser');
export const CHROMIUM = '/usr/bin/chromium';
export const BUILD_COMMAND = 'pnpm --filter @mx-doctor/extension-browser build';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Fails loudly when the build is missing or older than the extension's sources or the core. */
export function assertBuilt(): void {
  const manifest = join(CHROME_BUILD, 'manifest.json');
  if (!existsSync(manifest) || !existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`extension not built: run \`${BUILD_COMMAND}\` first`);
  }
  const sources = Math.max(newestMtime(join(EXTENSION_DIR, 'src')), newestMtime(join(REPO, 'packages/core/dist')));
  if (statSync(manifest).mtimeMs < sources) throw new Error(`extension build is older than its sources: run \`${BUILD_COMMAND}\``);
}

/** Chromium's id for an unpacked extension without a `key`: SHA-256 of the real path, a–p digits. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export interface LaunchOptions {
  /** Extra Chromium arguments. */
  readonly args?: readonly string[];
  /** Visible window on this X display (toolbar tests); default headless. */
  readonly display?: string;
  /** Load this unpacked build instead of dist/chrome (a test's modified copy). */
  readonly build?: string;
  /** Use this profile directory (already prepared); default a fresh temporary one. */
  readonly profileDir?: string;
}

export interface LaunchedExtension {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly serviceWorker: Worker;
  /** Console errors of the service worker. */
  readonly workerErrors: string[];
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'mx-doctor-chromium-'));
  const args = [
    `--disable-extensions-except=${options.build ?? CHROME_BUILD}`,
    `--load-extension=${options.build ?? CHROME_BUILD}`,
    '--disable-background-networking',
    '--no-first-run',
    '--no-default-browser-check',
    ...(options.display === undefined ? ['--headless=new'] : []),
    ...(options.args ?? []),
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    args,
    ...(options.display !== undefined ? { viewport: null, env: { ...process.env, DISPLAY: options.display } } : {}),
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const workerErrors: string[] = [];
  serviceWorker.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') workerErrors.push(message.text());
  });
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    workerErrors,
    async close() {
      await context.close();
      if (options.profileDir === undefined) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Stores the extension's options through its own storage API, as the options page would. */
export async function setResolver(extension: LaunchedExtension, url: string, timeoutMs = 3000): Promise<void> {
  await extension.serviceWorker.evaluate(
    async (options) => {
      const api = (globalThis as unknown as { chrome: { storage: { sync: { set(items: object): Promise<void> } } } }).chrome;
      await api.storage.sync.set({ options });
    },
    { resolver: 'custom', customUrl: url, timeoutMs },
  );
}

export interface PopupPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions of the popup. */
  readonly errors: string[];
  readonly dialogs: string[];
}

/** Opens popup.html as a page with `?tab=` standing in for the active tab's URL. */
export async function openPopup(extension: LaunchedExtension, tabUrl: string, colorScheme: 'light' | 'dark' = 'light'): Promise<PopupPage> {
  const page = await extension.context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.setViewportSize({ width: 484, height: 640 });
  await page.emulateMedia({ colorScheme });
  await page.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${encodeURIComponent(tabUrl)}`);
  return { page, errors, dialogs };
}

export interface PopupView {
  readonly verdict: string;
  readonly verdictTitle: string;
  /** The verdict's one sentence under the title. */
  readonly verdictDetail: string;
  readonly domain: string;
  readonly mx: { priority: number; host: string; status: string; text: string }[];
  readonly findingIds: string[];
  readonly spf: string;
  readonly dmarc: string;
  /** The DNSSEC line (empty when the popup shows none). */
  readonly dnssec: string;
  readonly authority: string;
  readonly hasRetry: boolean;
}

/** The page-side reader: plain DOM, runs in the popup (a Playwright page or a CDP evaluate). */
export const READ_POPUP_SOURCE = `(() => {
  const verdict = document.querySelector('#verdict');
  const text = (selector) => document.querySelector(selector)?.textContent ?? '';
  return {
    verdict: verdict?.getAttribute('data-verdict') ?? '',
    verdictTitle: text('#verdict .verdict__title'),
    verdictDetail: text('#verdict .verdict__detail'),
    domain: text('#verdict .verdict__domain'),
    mx: [...document.querySelectorAll('#mx-table tbody tr')].map((row) => ({
      priority: Number(row.getAttribute('data-priority')),
      host: row.getAttribute('data-mx-host') ?? '',
      status: row.getAttribute('data-status') ?? '',
      text: row.textContent ?? '',
    })),
    findingIds: [...document.querySelectorAll('[data-finding-id]')].map((item) => item.getAttribute('data-finding-id')),
    spf: text('#spf-line'),
    dmarc: text('#dmarc-line'),
    dnssec: text('#dnssec-line'),
    authority: text('#authority-line'),
    hasRetry: document.querySelector('#retry') !== null,
  };
})()`;

/** Waits for a final verdict (not the loading state) and reads the popup. */
export async function readFinalPopup(page: Page, timeout = 20_000): Promise<PopupView> {
  await page.waitForSelector('#verdict:not([data-verdict="loading"])', { timeout });
  return (await page.evaluate(READ_POPUP_SOURCE)) as PopupView;
}
