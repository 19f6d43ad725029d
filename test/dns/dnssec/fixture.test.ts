/**
 * Proves the DNSSEC world (fixture.ts) with `dig` against its validating Unbound: what is signed
 * validates (AD), what is signed wrongly SERVFAILs with the Extended DNS Error a reader expects and
 * is answered with CD=1, and what is unsigned is answered without AD.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnssecWorld, type DnssecWorld } from './fixture.js';

const run = promisify(execFile);
let world: DnssecWorld;

beforeAll(async () => {
  world = await startDnssecWorld();
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

async function dig(name: string, type: string, ...flags: string[]): Promise<{ status: string; flags: string[]; ede: string; answer: string[] }> {
  const port = new URL(world.dnsResolverUrl).port;
  const { stdout } = await run('dig', ['-p', port, '@127.0.0.1', '+tries=1', '+time=3', ...flags, name, type]);
  const status = /status: (\w+)/.exec(stdout)?.[1] ?? '?';
  const flagList = (/;; flags: ([a-z ]+);/.exec(stdout)?.[1] ?? '').trim().split(/\s+/);
  const ede = /; EDE: ([^\n]*)/.exec(stdout)?.[1] ?? '';
  const answer = stdout.split('\n').filter((line) => line !== '' && !line.startsWith(';') && /\sIN\s/.test(line));
  return { status, flags: flagList, ede, answer };
}

describe('the DNSSEC world', () => {
  it('a signed zone validates (AD); the root does too', async () => {
    expect((await dig('signed.test', 'MX')).flags).toContain('ad');
    expect((await dig('.', 'SOA')).flags).toContain('ad');
    const tlsa = await dig('_25._tcp.mx1.signed.test', 'TLSA');
    expect(tlsa.flags).toContain('ad');
    expect(tlsa.answer).toHaveLength(2);
  });

  it('an unsigned zone is answered without AD', async () => {
    const answer = await dig('unsigned.test', 'MX');
    expect(answer.status).toBe('NOERROR');
    expect(answer.flags).not.toContain('ad');
  });

  it('expired signatures: SERVFAIL with EDE 7, and an answer with CD=1', async () => {
    const failed = await dig('expired.test', 'MX');
    expect(failed.status).toBe('SERVFAIL');
    expect(failed.ede).toMatch(/^7 \(Signature Expired\)/);
    const unchecked = await dig('expired.test', 'MX', '+cd');
    expect(unchecked.status).toBe('NOERROR');
    expect(unchecked.answer.length).toBeGreaterThan(0);
  });

  it('a DS for another key: SERVFAIL with EDE 9 (DNSKEY Missing)', async () => {
    const failed = await dig('bad-ds.test', 'MX');
    expect(failed.status).toBe('SERVFAIL');
    expect(failed.ede).toMatch(/^9 \(DNSKEY Missing\)/);
  });

  it('the expiring zone validates, and its MX signature ends within 12 hours', async () => {
    const answer = await dig('expiring.test', 'MX', '+dnssec');
    expect(answer.flags).toContain('ad');
    const rrsig = answer.answer.find((line) => /\sRRSIG\s+MX\s/.test(line));
    const end = /RRSIG\s+MX\s+\d+\s+\d+\s+\d+\s+(\d{14})/.exec(rrsig ?? '')?.[1];
    expect(end).toBeDefined();
    const endSeconds = Date.UTC(+end!.slice(0, 4), +end!.slice(4, 6) - 1, +end!.slice(6, 8), +end!.slice(8, 10), +end!.slice(10, 12), +end!.slice(12, 14)) / 1000;
    expect(endSeconds - world.signedAt).toBe(6 * 3600);
  });

  it("tlsa-fail: the host's address is secure, its TLSA lookup SERVFAILs", async () => {
    expect((await dig('mx1.tlsa-fail.test', 'A')).flags).toContain('ad');
    expect((await dig('_25._tcp.mx1.tlsa-fail.test', 'TLSA')).status).toBe('SERVFAIL');
  });

  it('the reverse zone is insecure and answers the PTR of an MX host', async () => {
    const ptr = await dig('1.200.102.185.in-addr.arpa', 'PTR');
    expect(ptr.status).toBe('NOERROR');
    expect(ptr.answer.join('\n')).toContain('mx1.signed.test.');
  });
});
