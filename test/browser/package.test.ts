/**
 * The built packages: both manifests come from one source with the package version, Firefox's
 * passes `web-ext lint` (0 errors; warnings are reported), the pages load only local scripts,
 * the icons are real PNGs of the sizes the manifest names, and both zips hold the build.
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, EXTENSION_DIR, FIREFOX_BUILD, assertBuilt } from './extension.js';

const run = promisify(execFile);

interface Manifest {
  version: string;
  background: { service_worker?: string; scripts?: string[] };
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  content_security_policy: { extension_pages: string };
  icons: Record<string, string>;
  browser_specific_settings?: { gecko: { id: string; data_collection_permissions: unknown } };
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** Entry names and contents of a zip, read from its central directory. */
function readZip(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + packed);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + extra;
  }
  return entries;
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

describe('extension packages', () => {
  beforeAll(() => assertBuilt());

  it('one manifest source, two browsers, the package version', () => {
    const { version } = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8')) as { version: string };
    const chrome = manifestOf(CHROME_BUILD);
    const firefox = manifestOf(FIREFOX_BUILD);
    expect(chrome.version).toBe(version);
    expect(firefox.version).toBe(version);
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.browser_specific_settings?.gecko.id).toMatch(/@/);
    expect(firefox.browser_specific_settings?.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    for (const manifest of [chrome, firefox]) {
      expect(manifest.permissions.sort()).toEqual(['activeTab', 'storage']);
      expect(manifest.host_permissions.sort()).toEqual(['https://cloudflare-dns.com/*', 'https://dns.google/*', 'https://dns.quad9.net/*']);
      expect(manifest.optional_host_permissions).toContain('https://*/*');
      expect(manifest.content_security_policy.extension_pages).toMatch(/^script-src 'self'; object-src 'none'/);
    }
  });

  it('no remote or inline code: every script is a local file', () => {
    for (const page of ['popup.html', 'options.html']) {
      const html = readFileSync(join(CHROME_BUILD, page), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/src="\/assets\/[a-z-]+\.js"/);
        expect(body?.trim()).toBe('');
      }
      expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    }
    const scriptFiles = filesUnder(CHROME_BUILD).filter((name) => name.endsWith('.js'));
    expect(scriptFiles.length).toBeGreaterThan(0);
    for (const file of scriptFiles) {
      const code = readFileSync(join(CHROME_BUILD, file), 'utf8');
      expect(code, file).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
      expect(code, file).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|document\.write\(/);
    }
  });

  it('icons: PNGs of the sizes the manifest names', () => {
    const manifest = manifestOf(CHROME_BUILD);
    expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, path] of Object.entries(manifest.icons)) {
      const png = readFileSync(join(CHROME_BUILD, path));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });

  it('zips of both builds hold exactly the unpacked files', () => {
    for (const [zipName, dir] of [
      ['mx-doctor-chrome.zip', CHROME_BUILD],
      ['mx-doctor-firefox.zip', FIREFOX_BUILD],
    ] as const) {
      const entries = readZip(join(EXTENSION_DIR, 'dist', zipName));
      expect([...entries.keys()].sort()).toEqual(filesUnder(dir).map((name) => name.split('\\').join('/')).sort());
      expect(entries.get('manifest.json')?.toString('utf8')).toBe(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    }
  });

  it('web-ext lint on the Firefox build: 0 errors', async () => {
    const webExt = join(EXTENSION_DIR, 'node_modules/.bin/web-ext');
    let stdout: string;
    try {
      ({ stdout } = await run(webExt, ['lint', '-s', FIREFOX_BUILD, '-o', 'json', '--no-config-discovery'], { timeout: 60_000 }));
    } catch (error) {
      // web-ext exits non-zero when there are errors; the JSON is still on stdout.
      stdout = (error as { stdout?: string }).stdout ?? '';
    }
    const result = JSON.parse(stdout) as {
      summary: { errors: number; warnings: number; notices: number };
      errors: { code: string; message: string }[];
      warnings: { code: string; message: string; file?: string }[];
    };
    console.log(`web-ext lint: ${result.summary.errors} errors, ${result.summary.warnings} warnings, ${result.summary.notices} notices`);
    for (const warning of result.warnings) console.log(`  warning ${warning.code}: ${warning.message} (${warning.file ?? ''})`);
    expect(result.errors.map((item) => `${item.code}: ${item.message}`)).toEqual([]);
    expect(result.summary.errors).toBe(0);
  }, 90_000);
});
