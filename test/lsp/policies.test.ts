/**
 * The language server with live checks on, against the DNSSEC world: a zone file whose MX set
 * names a host the domain's live MTA-STS policy (enforce) does not cover gets mta-sts-mx-mismatch
 * on that MX record, before the change is applied. The policy host is the world's HTTPS server
 * (MXD_HTTPS_PORT and its test CA through NODE_EXTRA_CA_CERTS, both inherited by the server).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnssecWorld, type DnssecWorld } from '../dns/dnssec/fixture.js';
import { startLsp, type LspSession } from './lsp-client.js';

let world: DnssecWorld;
let session: LspSession | undefined;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  world = await startDnssecWorld();
  Object.assign(process.env, world.env, { MXD_DNS_PORT: String(world.authPort) });
  dir = mkdtempSync(join(tmpdir(), 'mxd-lsp-sts-'));
}, 60_000);
afterAll(async () => {
  await session?.stop();
  for (const key of ['MXD_HTTPS_PORT', 'NODE_EXTRA_CA_CERTS', 'MXD_DNS_PORT']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  rmSync(dir, { recursive: true, force: true });
  await world?.stop();
});

describe("live checks against the domain's MTA-STS policy", () => {
  it('an MX record the live policy does not cover is mta-sts-mx-mismatch on its line; with live checks off, nothing', async () => {
    const file = join(dir, 'db.sts-mismatch.test');
    writeFileSync(file, ['$ORIGIN sts-mismatch.test.', '$TTL 300', '@ SOA ns.root. hostmaster 1 3600 600 604800 300', '@ NS ns.root.', '@ MX 10 mx1', '@ MX 20 mx-new', 'mx1 A 185.102.200.50', 'mx-new A 185.102.200.51', ''].join('\n'));
    session = await startLsp({ settings: { liveChecks: true, resolvers: [world.dohUrl] } });
    const uri = session.open(file, 'dns-zone');
    const diagnostics = await session.waitFor(uri, (list) => list.some((d) => d.code === 'mta-sts-mx-mismatch'), { timeoutMs: 20_000 });
    const mismatch = diagnostics.filter((d) => d.code === 'mta-sts-mx-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.range.start.line).toBe(5);
    expect(mismatch[0]!.message).toContain('mx-new.sts-mismatch.test matches no mx pattern');
    await session.stop();

    session = await startLsp({ settings: { liveChecks: false, resolvers: [world.dohUrl] } });
    const offline = session.open(file, 'dns-zone');
    const quiet = await session.waitFor(offline, () => true, { timeoutMs: 10_000 });
    expect(quiet.map((d) => d.code)).not.toContain('mta-sts-mx-mismatch');
    expect(world.policyRequests.filter((request) => request.startsWith('mta-sts.sts-mismatch.test'))).toHaveLength(1);
  });
});
