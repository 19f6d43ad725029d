/**
 * The language server under hostile files (issue #13): `$INCLUDE`s reaching outside the workspace
 * folders (secrets, /proc, devices, a FIFO, a link out, `..`) are refused with a syntax diagnostic
 * that quotes none of them, and the server keeps answering; a 5 KB file of 100 huge `$GENERATE`s
 * neither crashes it nor floods the client (at most 1,000 diagnostics and a note of the rest).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lsp, startLsp, type Diagnostic, type LspSession } from './lsp-client.js';
import { OUTSIDE_TEXT, hostileIncludeZone } from '../hostile-files.js';

let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

const hostileZone = () => hostileIncludeZone('mxd-lsp-hostile-');

const onLine = (diagnostics: Diagnostic[], line: number) => diagnostics.filter((d) => d.range.start.line === line).map((d) => `${String(d.code)}: ${d.message}`);

async function hoverText(s: LspSession, uri: string, line: number, character: number): Promise<string> {
  const result = await s.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
}

describe('$INCLUDE stays inside the workspace folders', () => {
  it('refuses each hostile include with a syntax diagnostic, quotes none, checks the rest, and still answers a hover', async () => {
    const { zones, zone } = hostileZone();
    session = await startLsp({ settings: { liveChecks: false }, workspaceFolders: [zones] });
    const uri = session.open(zone, 'dns-zone');
    const diagnostics = await session.waitFor(uri, () => true);
    const outside = /^syntax: .*\$INCLUDE outside the workspace folders is not read/;
    for (const line of [2, 3, 4, 6, 7]) expect(onLine(diagnostics, line), `line ${line}`).toEqual([expect.stringMatching(outside)]);
    expect(onLine(diagnostics, 5)).toEqual([expect.stringMatching(/^syntax: .*is a FIFO, not a regular file/)]);
    expect(onLine(diagnostics, 8)).toEqual([]); // absolute path inside: read
    expect(onLine(diagnostics, 1)).toContainEqual(expect.stringMatching(/^mx-target-ip-literal: /));
    const included = await session.waitFor(pathToFileURL(join(zones, 'inside.inc')).href, () => true);
    expect(included.map((d) => d.code)).toEqual(['mx-target-ip-literal']);
    const everything = JSON.stringify(session.published);
    for (const leak of [OUTSIDE_TEXT, 'root:', 'PATH=', '\\u0000']) expect(everything).not.toContain(leak);
    // Nothing was published to the refused files.
    expect(session.published.map((p) => p.uri).filter((u) => /etc|proc|dev\/|outside|link-out|pipe/.test(u))).toEqual([]);
    // The positive control: the server is not stuck on the FIFO.
    expect(await hoverText(session, uri, 1, 12)).toContain('**MX** `hostile.test.`');
  });

  it('refuses them in an untrusted workspace too', async () => {
    const { zones, zone } = hostileZone();
    session = await startLsp({ settings: { liveChecks: false }, workspaceFolders: [zones], initializationOptions: { trusted: false } });
    const diagnostics = await session.waitFor(session.open(zone, 'dns-zone'), () => true);
    expect(onLine(diagnostics, 2)).toEqual([expect.stringMatching(/\$INCLUDE outside the workspace folders is not read/)]);
    expect(onLine(diagnostics, 5)).toEqual([expect.stringMatching(/is a FIFO, not a regular file/)]);
    expect(JSON.stringify(session.published)).not.toContain('SECRET-OUTSIDE-TEXT');
  });

  it('reads ../ when the workspace folder is the parent, and with no workspace folder keeps to the zone\'s folder', async () => {
    const { dir, zone } = hostileZone();
    session = await startLsp({ settings: { liveChecks: false }, workspaceFolders: [dir] });
    const uri = session.open(zone, 'dns-zone');
    const wide = await session.waitFor(uri, () => true);
    expect(onLine(wide, 7)).toEqual([]);
    expect(onLine(wide, 2)).toEqual([expect.stringMatching(/\$INCLUDE outside the workspace folders is not read/)]);
    await session.stop();
    // The fixtures folder is the client's rootUri, and the zone is not in it: its own folder is the limit.
    session = await startLsp({ settings: { liveChecks: false } });
    const alone = session.open(zone, 'dns-zone');
    const narrow = await session.waitFor(alone, () => true);
    expect(onLine(narrow, 7)).toEqual([expect.stringMatching(/\$INCLUDE outside the zone's folder is not read/)]);
  });
});

describe('a small file that asks for billions of records', () => {
  it('100 × $GENERATE 0-1000000000: the server stays up and modest, publishes at most 1,001 diagnostics with a note, and answers', async () => {
    const lines = ['$ORIGIN gen.test.'];
    for (let i = 0; i < 100; i++) lines.push(`$GENERATE 0-1000000000 h${i}-$ MX "10 192.0.2.1"`);
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeLessThan(5 * 1024);
    const dir = mkdtempSync(join(tmpdir(), 'mxd-lsp-generate-'));
    const zone = join(dir, 'db.gen.test');
    writeFileSync(zone, text);
    session = await startLsp({ settings: { liveChecks: false }, workspaceFolders: [dir] });
    const uri = session.open(zone, 'dns-zone');
    const diagnostics = await session.waitFor(uri, () => true, { timeoutMs: 60_000 });
    expect(diagnostics.length).toBeLessThanOrEqual(1001);
    const note = diagnostics.at(-1)!;
    expect(note.severity).toBe(lsp.DiagnosticSeverity.Information);
    expect(note.message).toMatch(/^\d[\d,]* more findings in this file are not shown/);
    expect(diagnostics.some((d) => d.code === 'syntax' && typeof d.message === 'string' && /not expanded/.test(d.message))).toBe(true);
    expect(await hoverText(session, uri, 1, 40)).toContain('**MX**');
    const rssKiB = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${session.child.pid}/status`, 'utf8'))![1]);
    expect(rssKiB).toBeLessThan(1024 * 1024);
  }, 120_000);
});
