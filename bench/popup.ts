/**
 * Browser popup: how much JavaScript the popup loads (raw and gzipped, following its static
 * imports from popup.html) and how fast it is, measured in Debian's Chromium with the built
 * extension against the BIND fixture: popup open → first contentful paint, and → final verdict
 * (the `mx-doctor:verdict` mark), median of several runs. Needs the extension built
 * (`pnpm --filter @mx-doctor/extension-browser build`).
 * Run alone: `pnpm tsx bench/popup.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { TestDns } from '../test/dns/fixture.js';
import { CHROME_BUILD, assertBuilt, launchWithExtension, openPopup, readFinalPopup, setResolver } from '../test/browser/extension.js';

export const POPUP_TARGETS = { firstPaintMs: 100, jsGzipBytes: 60 * 1024 } as const;

export interface PopupFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface PopupBenchResult {
  readonly domain: string;
  readonly runs: number;
  readonly files: PopupFile[];
  readonly jsBytes: number;
  readonly jsGzipBytes: number;
  readonly firstPaintMs: number;
  readonly verdictMs: number;
  /** The whole result as a Markdown section, targets included. */
  readonly markdown: string;
}

/** The JS files popup.html loads: its module scripts and, transitively, their static imports. */
export function popupScripts(buildDir = CHROME_BUILD): string[] {
  const html = readFileSync(join(buildDir, 'popup.html'), 'utf8');
  const queue = [...html.matchAll(/<script[^>]*\bsrc="\/?([^"]+)"/g)].map((match) => match[1]!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(buildDir, file), 'utf8');
    for (const match of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w${},*\s]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(join(file, '..', match[1]!));
    }
  }
  return [...seen];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchPopup(dns: Pick<TestDns, 'dohUrl'>, runs = 7, domain = 'selfhosted.good.test'): Promise<PopupBenchResult> {
  assertBuilt();
  const files = popupScripts().map((file) => {
    const bytes = readFileSync(join(CHROME_BUILD, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const jsBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const jsGzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);

  const extension = await launchWithExtension();
  const paints: number[] = [];
  const verdicts: number[] = [];
  try {
    await setResolver(extension, dns.dohUrl);
    // One warm-up run (first page of a fresh profile pays for disk caches), then the measured ones.
    for (let i = 0; i <= runs; i++) {
      const { page } = await openPopup(extension, `https://${domain}/`);
      const view = await readFinalPopup(page);
      if (view.verdict !== 'receives-mail') throw new Error(`unexpected verdict ${view.verdict} for ${domain}`);
      const timing = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        verdict: performance.getEntriesByName('mx-doctor:verdict')[0]?.startTime ?? Number.NaN,
      }));
      await page.close();
      if (i === 0) continue;
      paints.push(timing.paint);
      verdicts.push(timing.verdict);
    }
  } finally {
    await extension.close();
  }
  const firstPaintMs = median(paints);
  const verdictMs = median(verdicts);

  const lines = [
    `## popup: JS size and time to first paint / verdict (${domain}, Debian Chromium, median of ${runs})`,
    '',
    '| measure | result | target |',
    '|---|---:|---:|',
    `| JS the popup loads, raw (${files.length} files) | ${kb(jsBytes)} | |`,
    `| JS the popup loads, gzip -9 | ${kb(jsGzipBytes)} | ≤ ${kb(POPUP_TARGETS.jsGzipBytes)} ${jsGzipBytes <= POPUP_TARGETS.jsGzipBytes ? '✓' : '✗'} |`,
    `| open → first contentful paint | ${firstPaintMs.toFixed(0)} ms | ≤ ${POPUP_TARGETS.firstPaintMs} ms ${firstPaintMs <= POPUP_TARGETS.firstPaintMs ? '✓' : '✗'} |`,
    `| open → final verdict (BIND fixture over DoH) | ${verdictMs.toFixed(0)} ms | |`,
    '',
    '| file | raw | gzip -9 |',
    '|---|---:|---:|',
    ...files.map((file) => `| ${file.file} | ${kb(file.bytes)} | ${kb(file.gzipBytes)} |`),
  ];
  return { domain, runs, files, jsBytes, jsGzipBytes, firstPaintMs, verdictMs, markdown: lines.join('\n') };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { startTestDns } = await import('../test/dns/fixture.js');
  const dns = await startTestDns();
  try {
    console.log((await benchPopup(dns)).markdown);
  } finally {
    await dns.stop();
  }
}
