/**
 * Screenshot of the packaged extension in a real VS Code (code-server, see recipes "A real VS Code
 * to look at the extension"): installs `extension-vscode/dist/mx-doctor.vsix`, opens a zone file
 * with a relative MX target, waits for the squiggle, hovers it and saves docs/screenshots/vscode.png.
 * Also prints the Problems rows it saw, and checks the status-bar item: "MX offline" (live checks
 * are off in its settings), "MX live" after a click on it (the toggle). With DOH_URL set (e.g. the `dohUrl` printed by
 * `pnpm tsx test/dns/serve.ts`), it then runs "MX Doctor: Check domain…" for xss.broken.test and
 * saves the report document's text and a screenshot to test-artifacts/, and checks that the status
 * bar then names xss.broken.test and its verdict. Exits non-zero when a check fails. Not part of the test run
 * (needs code-server on Node 24):
 *
 *   CODE_SERVER=/path/to/bin/code-server NODE24_BIN=/path/to/node24/bin [DOH_URL=…] pnpm tsx test/vscode/code-server-screenshot.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { VSIX_PATH, WORKSPACE_DIR } from './extension-paths.js';

const codeServer = process.env['CODE_SERVER'] ?? 'code-server';
const env = { ...process.env, PATH: `${process.env['NODE24_BIN'] ? `${process.env['NODE24_BIN']}:` : ''}${process.env['PATH']}` };
const output = process.env['SCREENSHOT'] ?? join(WORKSPACE_DIR, 'docs/screenshots/vscode.png');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const root = mkdtempSync(join(tmpdir(), 'mx-doctor-code-server-'));
const userData = join(root, 'user');
const extensions = join(root, 'extensions');
const folder = join(root, 'example-dns');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(folder);
writeFileSync(
  join(userData, 'User/settings.json'),
  JSON.stringify({
    'security.workspace.trust.enabled': false,
    'mxDoctor.liveChecks': false,
    ...(process.env['DOH_URL'] && { 'mxDoctor.resolvers': [process.env['DOH_URL']] }),
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.tips.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'editor.hover.delay': 100,
    'editor.minimap.enabled': false,
    'window.commandCenter': false,
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
  }),
);
writeFileSync(
  join(folder, 'example.com.zone'),
  [
    '; example.com: the MX target lacks its trailing dot',
    '$ORIGIN example.com.',
    '$TTL 1h',
    '@       IN SOA ns1.example.com. hostmaster.example.com. (',
    '                2024010101 ; serial',
    '                2h 1h 2w 1h )',
    '@       IN NS  ns1.example.com.',
    '@       IN MX  10 mail.example.com',
    '@       IN MX  20 backup.example.net.',
    '@       IN TXT "v=spf1 mx -all"',
    'mail    IN A   192.0.2.10',
    'ns1     IN A   192.0.2.53',
    '',
  ].join('\n'),
);

execFileSync(codeServer, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', VSIX_PATH], { env, stdio: 'inherit' });
const port = await freePort();
const server = spawn(codeServer, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-workspace-trust'], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverLog = '';
server.stdout.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
server.stderr.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url);
      break;
    } catch (error) {
      if (attempt > 40) throw error;
      await page.waitForTimeout(500);
    }
  }
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForTimeout(3000);
  await page.keyboard.press('Control+P');
  await page.waitForTimeout(500);
  await page.keyboard.type('example.com.zone');
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.squiggly-warning', { timeout: 60_000 });
  await page.waitForTimeout(1000);

  // The language mode in the status bar shows the contributed language.
  const mode = await page.locator('[id="status.editor.mode"]').innerText();
  console.log(`language mode: ${mode}`);

  // The status-bar item: live checks are off in settings.json, and a click turns them on.
  const statusItem = page.locator('.statusbar-item', { hasText: /MX (live|offline)/ }).first();
  const statusText = async (): Promise<string> => (await statusItem.innerText()).replace(/\s+/g, ' ').trim();
  await statusItem.waitFor({ timeout: 15_000 });
  const offline = await statusText();
  console.log(`status bar: ${offline}`);
  if (!/MX offline/.test(offline)) throw new Error(`status bar should say MX offline, says ${offline}`);
  await statusItem.locator('a, .statusbar-item-label').first().click();
  await page.waitForFunction(() => /MX live/.test(document.querySelector('.statusbar')?.textContent ?? ''), undefined, { timeout: 10_000 });
  console.log(`status bar after a click: ${await statusText()}`);

  // Problems panel rows.
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  console.log(`problems:\n${rows.map((row) => `  ${row.replace(/\s+/g, ' ')}`).join('\n')}`);

  // Hover the relative target.
  const target = page.locator('.view-line span', { hasText: /^mail\.example\.com$/ }).first();
  const box = await target.boundingBox();
  if (!box) throw new Error('target text not found in the editor');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('.monaco-hover:visible', { timeout: 15_000 });
  await page.waitForTimeout(800);
  console.log(`hover: ${(await page.locator('.monaco-hover:visible').first().innerText()).replace(/\s+/g, ' ')}`);
  mkdirSync(join(output, '..'), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`saved ${output}`);

  if (process.env['DOH_URL']) {
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+P');
    await page.waitForTimeout(500);
    await page.keyboard.type('MX Doctor: Check domain');
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.quick-input-widget .quick-input-title', { timeout: 10_000 });
    await page.keyboard.type('xss.broken.test');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tab[aria-label*="xss.broken.test.md"]', { timeout: 30_000 });
    await page.waitForTimeout(1000);
    const tab = await page.locator('.tab.active').getAttribute('aria-label');
    const text = (await page.locator('.editor-instance .view-lines').last().innerText()).replace(/\u00a0/g, ' ');
    console.log(`report tab: ${tab}\nreport text (visible part):\n${text}`);
    const artifacts = join(WORKSPACE_DIR, 'test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'vscode-check-domain.txt'), `${tab}\n${text}\n`);
    await page.screenshot({ path: join(artifacts, 'vscode-check-domain.png') });
    const afterCheck = await statusText();
    console.log(`status bar after Check domain: ${afterCheck}`);
    if (!/xss\.broken\.test [✓!✕?]/.test(afterCheck)) throw new Error(`status bar should name the last domain checked, says ${afterCheck}`);
  }
} catch (error) {
  console.error(serverLog.slice(-4000));
  throw error;
} finally {
  await browser.close();
  server.kill();
  rmSync(root, { recursive: true, force: true });
}
