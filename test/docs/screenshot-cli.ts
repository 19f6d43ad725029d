/**
 * Makes docs/screenshots/cli-check.png: the real CLI's coloured output for a test domain, served by
 * the BIND fixture, rendered as a terminal in Debian's Chromium. `pnpm tsx test/docs/screenshot-cli.ts`
 */
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startTestDns } from '../dns/fixture.js';

const ANSI_STYLE: Record<string, string> = {
  '1': 'font-weight:bold', '2': 'opacity:.6', '31': 'color:#f87171', '32': 'color:#4ade80',
  '33': 'color:#facc15', '34': 'color:#60a5fa',
};

function ansiToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let open = 0;
  const html = escaped.replace(/\x1b\[(\d+)m/g, (_, code: string) => {
    const style = ANSI_STYLE[code];
    if (style) {
      open++;
      return `<span style="${style}">`;
    }
    if (open > 0) {
      open--;
      return '</span>';
    }
    return '';
  });
  return html + '</span>'.repeat(open);
}

const dns = await startTestDns();
try {
  const domain = process.argv[2] ?? 'mx-split-delivery.broken.test';
  let output = '';
  try {
    output = execFileSync(process.execPath, ['packages/cli/bin/mx-doctor.cjs', 'check', domain, '--resolver', dns.dohUrl], {
      env: { ...process.env, FORCE_COLOR: '1' },
      encoding: 'utf8',
    });
  } catch (error) {
    output = (error as { stdout: string }).stdout; // exit status 1: the domain has problems
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-background-networking', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1100, height: 400 }, deviceScaleFactor: 1 });
  await page.setContent(`<body style="margin:0;background:#111827"><pre id="t" style="margin:0;padding:18px 22px;color:#e5e7eb;font:13px/1.45 'DejaVu Sans Mono',monospace;display:inline-block"><span style="color:#9ca3af">$ mx-doctor check ${domain}</span>\n${ansiToHtml(output)}</pre></body>`);
  await page.locator('#t').screenshot({ path: 'docs/screenshots/cli-check.png' });
  await browser.close();
  console.log('wrote docs/screenshots/cli-check.png');
} finally {
  await dns.stop();
}
