/**
 * The language server with live checks on, against the authority world (a real delegation):
 * hovering an MX record says on how many of the zone's name servers it is already published, and
 * the file's MX set is compared with what they serve (`file-differs-from-live`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthorityWorld, type AuthorityWorld } from '../dns/authority/fixture.js';
import { lsp, startLsp, type LspSession } from './lsp-client.js';

let world: AuthorityWorld;
let session: LspSession | undefined;
let dir: string;
const savedPort = process.env['MXD_DNS_PORT'];

beforeAll(async () => {
  world = await startAuthorityWorld();
  // The server the test starts inherits this: the world's name servers answer on port 53.
  process.env['MXD_DNS_PORT'] = String(world.authoritativePort);
  dir = mkdtempSync(join(tmpdir(), 'mxd-lsp-zone-'));
});
afterAll(async () => {
  await session?.stop();
  if (savedPort === undefined) delete process.env['MXD_DNS_PORT'];
  else process.env['MXD_DNS_PORT'] = savedPort;
  rmSync(dir, { recursive: true, force: true });
  await world?.stop();
});

describe('live checks against the zone\'s name servers', () => {
  it('hover says where an MX record is published; a record not yet served is flagged by file-differs-from-live', async () => {
    const file = join(dir, 'db.healthy.test');
    writeFileSync(file, ['$ORIGIN healthy.test.', '$TTL 3600', '@ SOA ns1 hostmaster 2026120302 3600 600 604800 300', '@ NS ns1', '@ NS ns2', '@ MX 10 mx1', '@ MX 30 mx3', 'mx1 A 185.102.1.10', 'mx3 A 185.102.1.30', ''].join('\n'));
    session = await startLsp({ settings: { liveChecks: true, resolvers: [world.dohUrl] } });
    const uri = session.open(file, 'dns-zone');
    const diagnostics = await session.waitFor(uri, (list) => list.some((d) => d.code === 'file-differs-from-live'), { timeoutMs: 20_000 });
    const differs = diagnostics.find((d) => d.code === 'file-differs-from-live')!;
    expect(differs.message).toContain('differ from what its name servers serve now');
    const hover = async (line: number) => {
      const result = await session!.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line, character: 3 } });
      return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    };
    expect(await hover(5)).toContain('- Name servers: live on 2 of 2 name servers');
    expect(await hover(6)).toContain('- Name servers: not yet published on any name server (`ns1.healthy.test`, `ns2.healthy.test`)');
  });
});
