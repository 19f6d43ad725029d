/**
 * The popup against the DNSSEC world (test/dns/dnssec): the DNSSEC line from a validating
 * resolver, and MTA-STS as a browser can do it: the record is read over DoH, the policy file is
 * fetched only when the person has granted access to that one policy host (the "Check MTA-STS
 * policy" button asks), and then `mta-sts-mx-mismatch` shows. The policy host is mapped to the world's HTTPS
 * server by --host-resolver-rules; its test certificate is accepted by --ignore-certificate-errors
 * (the browser's trust store is not the test's to change).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnssecWorld, type DnssecWorld } from '../dns/dnssec/fixture.js';
import { CHROME_BUILD, assertBuilt, launchWithExtension, openPopup, readFinalPopup, setResolver, type LaunchedExtension } from './extension.js';

let world: DnssecWorld;
let extension: LaunchedExtension;

beforeAll(async () => {
  assertBuilt();
  world = await startDnssecWorld();
  extension = await launchWithExtension({
    args: [`--host-resolver-rules=MAP mta-sts.sts-mismatch.test 127.0.0.1:${world.httpsPort}`, '--ignore-certificate-errors'],
  });
  await setResolver(extension, world.dohUrl);
}, 60_000);
afterAll(async () => {
  await extension?.close();
  await world?.stop();
});

describe('the popup with a validating resolver and MTA-STS', () => {
  it('shows the DNSSEC line and the MTA-STS record; the policy is not fetched until the person allows that host', async () => {
    const { page, errors } = await openPopup(extension, 'http://sts-mismatch.test/');
    const view = await readFinalPopup(page);
    expect(view.domain).toBe('sts-mismatch.test');
    expect(view.dnssec).toBe('DNSSEC: signed (answers validated)');
    expect(await page.textContent('#mta-sts-line')).toBe('MTA-STS: announced (id 20261203); the policy was not fetched');
    expect(await page.textContent('#mta-sts-not-fetched')).toContain('https://mta-sts.sts-mismatch.test/.well-known/mta-sts.txt needs your permission');
    expect(view.findingIds).toEqual([]);
    expect(world.policyRequests.some((request) => request.startsWith('mta-sts.sts-mismatch.test'))).toBe(false);

    expect(await page.isVisible('#check-mta-sts')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('once the person has allowed the policy host, the popup fetches the policy and shows mta-sts-mx-mismatch', async () => {
    // A browser where the permission was granted: the build's copy with that one host allowed.
    // (Chromium's permission dialog cannot be answered from a test, so the click itself is not run.)
    const granted = mkdtempSync(join(tmpdir(), 'mx-doctor-granted-'));
    cpSync(CHROME_BUILD, granted, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(granted, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
    manifest.host_permissions.push('https://mta-sts.sts-mismatch.test/*');
    writeFileSync(join(granted, 'manifest.json'), JSON.stringify(manifest));
    const browser = await launchWithExtension({ build: granted, args: [`--host-resolver-rules=MAP mta-sts.sts-mismatch.test 127.0.0.1:${world.httpsPort}`, '--ignore-certificate-errors'] });
    try {
      await setResolver(browser, world.dohUrl);
      const { page, errors } = await openPopup(browser, 'http://sts-mismatch.test/');
      const view = await readFinalPopup(page);
      expect(view.findingIds).toEqual(['mta-sts-mx-mismatch']);
      expect(await page.textContent('#mta-sts-line')).toBe('MTA-STS: enforce (mx: mx1.sts-mismatch.test)');
      expect(await page.isVisible('#check-mta-sts')).toBe(false);
      expect(world.policyRequests).toContain('mta-sts.sts-mismatch.test /.well-known/mta-sts.txt');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      rmSync(granted, { recursive: true, force: true });
    }
  });
});
